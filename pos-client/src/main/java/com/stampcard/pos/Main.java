package com.stampcard.pos;

import com.stampcard.pos.config.TillConfig;
import com.stampcard.pos.console.ConsoleTill;
import com.stampcard.pos.ui.TillApp;
import com.stampcard.store.StoreException;
import com.stampcard.store.settings.SettingsException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.logging.LogManager;

/**
 * Starts the till: the JavaFX app by default, {@code --console} for the headless mode, {@code
 * --check-config} to print the effective configuration and where each value came from, {@code
 * --self-check} to open the store, list the readers and print the version without a display, {@code
 * --exit-when-ready} to start the app, show the login screen and close again.
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
    if (args.contains("--console")) {
      return console(config);
    }
    return TillApp.run(config, Clock.systemUTC(), args.contains("--exit-when-ready"));
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
