package com.stampcard.pos;

import com.stampcard.pos.backup.BackupException;
import com.stampcard.pos.backup.TillBackups;
import com.stampcard.pos.config.TillConfig;
import com.stampcard.pos.console.ConsoleTill;
import com.stampcard.pos.ui.TillApp;
import com.stampcard.store.StoreDatabase;
import com.stampcard.store.StoreException;
import com.stampcard.store.TillDatabaseInUseException;
import com.stampcard.store.settings.SettingsException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts the till: the JavaFX app by default, {@code --console} for the headless mode, {@code
 * --check-config} to print the effective configuration and where each value came from, {@code
 * --self-check} to open the store, list the readers and print the version without a display, {@code
 * --backup-now} and {@code --restore-backup FILE} (with the till closed), {@code --exit-when-ready}
 * to start the app, show the login screen and close again.
 */
public final class Main {
  private static final System.Logger LOG = System.getLogger(Main.class.getName());

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args)));
  }

  static int run(List<String> args) {
    setUpLogging(System.getenv());
    TillConfig config;
    try {
      config = TillConfig.load(args, System.getenv());
    } catch (SettingsException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    if (args.contains("--check-config")) {
      System.out.println(config.effective());
      return 0;
    }
    if (args.contains("--self-check")) {
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      return SelfCheck.forThisMachine(config, Clock.systemUTC(), out).run();
    }
    if (args.contains("--backup-now")) {
      return backUpNow(config);
    }
    Optional<String> restore = optionValue(args, "--restore-backup");
    if (restore.isPresent()) {
      return restore(config, Path.of(restore.get()));
    }
    LOG.log(
        System.Logger.Level.INFO,
        "Stampcard till {0} starting: till {1} at {2}, database {3}",
        SelfCheck.version(),
        config.settings().till().value(),
        config.settings().store().value(),
        config.database());
    if (args.contains("--console")) {
      return console(config);
    }
    return TillApp.run(config, Clock.systemUTC(), args.contains("--exit-when-ready"));
  }

  /** Backs the closed till's database up into the backup folder, as the running till does. */
  @SuppressWarnings("try") // the store is held open (migrated, and locked against a till) only
  private static int backUpNow(TillConfig config) {
    TillConfig.Backup b = config.backup();
    try (StoreDatabase db = StoreDatabase.h2File(config.database(), Clock.systemUTC())) {
      Path made =
          new TillBackups(config.database(), b.folder(), b.keep(), Clock.systemUTC()).backUp();
      System.out.println("Backed up to " + made);
      return 0;
    } catch (TillDatabaseInUseException e) {
      System.err.println(
          "The till is running and backs itself up every "
              + b.interval()
              + " into "
              + b.folder()
              + "; close it to back up now.");
      return 1;
    } catch (StoreException | BackupException e) {
      System.err.println(e.getMessage());
      return 1;
    }
  }

  /** Puts a backup in place of the (closed) till's database, then opens it once to check it. */
  @SuppressWarnings("try") // opening the store is the check
  private static int restore(TillConfig config, Path backup) {
    if (!Files.isRegularFile(backup)) {
      System.err.println("No backup file at " + backup + ".");
      return 2;
    }
    try {
      Optional<Path> previous = TillBackups.restore(backup, config.database(), Clock.systemUTC());
      try (StoreDatabase db = StoreDatabase.h2File(config.database(), Clock.systemUTC())) {
        System.out.println("Restored " + backup + " into " + config.database() + ".mv.db.");
      }
      previous.ifPresent(p -> System.out.println("The database it replaced is kept as " + p + "."));
      return 0;
    } catch (StoreException | BackupException e) {
      System.err.println(e.getMessage());
      return 1;
    }
  }

  private static Optional<String> optionValue(List<String> args, String option) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).startsWith(option + "=")) {
        return Optional.of(args.get(i).substring(option.length() + 1));
      }
      if (args.get(i).equals(option) && i + 1 < args.size()) {
        return Optional.of(args.get(i + 1));
      }
    }
    return Optional.empty();
  }

  /**
   * Points the log at the operating system's usual place, unless {@code -Dstampcard.logDir} did,
   * and routes java.util.logging (the till's {@code System.Logger}s, JavaFX) into it. Runs before
   * anything logs: logback reads {@code stampcard.logDir} when it starts.
   */
  static void setUpLogging(Map<String, String> env) {
    if (System.getProperty("stampcard.logDir") == null) {
      System.setProperty("stampcard.logDir", logFolder(env).toString());
    }
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
  }

  /**
   * {@code STAMPCARD_LOG_DIR}; else {@code %LOCALAPPDATA%\Stampcard\logs} on Windows; else {@code
   * $XDG_STATE_HOME/stampcard}, by default {@code ~/.local/state/stampcard}.
   */
  static Path logFolder(Map<String, String> env) {
    if (env.get("STAMPCARD_LOG_DIR") != null) {
      return Path.of(env.get("STAMPCARD_LOG_DIR"));
    }
    if (env.get("LOCALAPPDATA") != null) {
      return Path.of(env.get("LOCALAPPDATA"), "Stampcard", "logs");
    }
    String state = env.get("XDG_STATE_HOME");
    return (state != null && !state.isBlank()
            ? Path.of(state)
            : Path.of(System.getProperty("user.home"), ".local", "state"))
        .resolve("stampcard");
  }

  private static int console(TillConfig config) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (TillAssembly till = TillAssembly.open(config, Clock.systemUTC())) {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      return new ConsoleTill(till.services(), config.language(), config.currency(), in, out).run();
    } catch (StoreException
        | com.stampcard.store.seed.SeedFileException
        | TillEnrolmentException e) {
      System.err.println("The till could not start: " + e.getMessage());
      return 1;
    }
  }
}
