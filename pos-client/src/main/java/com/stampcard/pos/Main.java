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
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.LogManager;

/**
 * Starts the till: the JavaFX app by default, {@code --console} for the headless mode, {@code
 * --check-config} to print the effective configuration and where each value came from, {@code
 * --self-check} to open the store, list the readers and print the version without a display, {@code
 * --backup-now} and {@code --restore-backup FILE} (with the till closed), {@code --exit-when-ready}
 * to start the app, show the login screen and close again.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args)));
  }

  static int run(List<String> args) {
    quietLogging();
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

  /** Warnings and errors only, unless a logging configuration was given. */
  private static void quietLogging() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    try (InputStream in = Main.class.getResourceAsStream("logging.properties")) {
      LogManager.getLogManager().readConfiguration(in);
    } catch (IOException e) {
      System.err.println("The till's logging configuration could not be read: " + e.getMessage());
    }
  }

  private static int console(TillConfig config) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (TillAssembly till = TillAssembly.open(config, Clock.systemUTC())) {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      return new ConsoleTill(till.services(), config.language(), config.currency(), in, out).run();
    } catch (StoreException | com.stampcard.store.seed.SeedFileException e) {
      System.err.println("The till could not start: " + e.getMessage());
      return 1;
    }
  }
}
