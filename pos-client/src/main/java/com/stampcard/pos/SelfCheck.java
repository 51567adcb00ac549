package com.stampcard.pos;

import com.stampcard.pos.config.TillConfig;
import com.stampcard.readers.FoundDevice;
import com.stampcard.readers.ReaderDiscovery;
import com.stampcard.readers.ReaderFactory;
import com.stampcard.store.StoreDatabase;
import com.stampcard.store.StoreException;
import com.stampcard.store.TillDatabaseInUseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;

/**
 * {@code --self-check}: what IT runs after installing a till, and what the package test runs on the
 * installed launcher. Opens (and migrates) the till's store, lists the readers discovery sees, as
 * the reader diagnostics do, and prints the version. Starts no JavaFX toolkit, so it runs without a
 * display.
 */
final class SelfCheck {
  private final TillConfig config;
  private final ReaderDiscovery discovery;
  private final PrintStream out;

  SelfCheck(TillConfig config, ReaderDiscovery discovery, PrintStream out) {
    this.config = config;
    this.discovery = discovery;
    this.out = out;
  }

  static SelfCheck forThisMachine(TillConfig config, Clock clock, PrintStream out) {
    return new SelfCheck(config, ReaderFactory.forThisMachine(clock, false).discovery(), out);
  }

  /** The till's version, from the build; "development" when run from an unfiltered tree. */
  static String version() {
    try (InputStream in = SelfCheck.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      String v = p.getProperty("version", "");
      return v.isEmpty() || v.startsWith("${") ? "development" : v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs the check.
   *
   * @return 0 when the store opened, or is open in a running till; 1 when it could not be opened
   */
  int run() {
    out.println(
        "Stampcard till "
            + version()
            + " (Java "
            + Runtime.version()
            + ", "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch")
            + ")");
    out.println(
        "Configuration: store "
            + config.settings().store().value()
            + ", till "
            + config.settings().till().value());
    int result = store();
    readers();
    out.println(result == 0 ? "Self-check passed." : "Self-check FAILED.");
    return result;
  }

  private int store() {
    Path file = Path.of(config.database() + ".mv.db").toAbsolutePath();
    try (StoreDatabase db = StoreDatabase.h2File(config.database(), Clock.systemUTC())) {
      String contents =
          db.tillStore()
              .inTransaction(
                  tx ->
                      tx.programs().size()
                          + " programs, "
                          + tx.staff().size()
                          + " staff, "
                          + tx.lastEventAt(config.settings().till())
                              .map(e -> "last event at this till #" + e.tillSeq())
                              .orElse("no events at this till yet"));
      out.println("Store: " + file + " opened, schema up to date; " + contents);
      return 0;
    } catch (TillDatabaseInUseException e) {
      out.println("Store: " + file + " is open in a running till (not opened again)");
      return 0;
    } catch (StoreException | UncheckedIOException e) {
      out.println("Store: " + file + " could not be opened: " + e.getMessage());
      return 1;
    }
  }

  private void readers() {
    ReaderDiscovery.Result found = discovery.discover();
    out.println("Readers found:");
    for (FoundDevice d : found.devices()) {
      out.printf("  %-7s %s%n", d.kind(), d.name());
    }
    if (found.devices().isEmpty()) {
      out.println("  (none)");
    }
    for (String problem : found.problems()) {
      out.println("  could not look: " + problem);
    }
  }
}
