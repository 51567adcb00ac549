package com.stampcard.server.report;

import com.stampcard.server.db.ServerDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** The generated ledger's reports on H2, the one-site database: the same SQL, the same figures. */
class ReportsH2Test extends GeneratedLedgerReports {
  @Override
  ServerDatabase open() {
    try {
      Path folder =
          Files.createDirectories(Path.of("target")).resolve("reports-h2-" + System.nanoTime());
      return ServerDatabase.open(
          "jdbc:h2:file:" + folder.resolve("server").toAbsolutePath(),
          "sa",
          "",
          4,
          Clock.systemUTC());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
