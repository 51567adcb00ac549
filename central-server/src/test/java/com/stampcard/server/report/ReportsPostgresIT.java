package com.stampcard.server.report;

import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.testing.Postgres;
import java.time.Clock;

/** The generated ledger's reports on PostgreSQL. */
class ReportsPostgresIT extends GeneratedLedgerReports {
  @Override
  ServerDatabase open() {
    return ServerDatabase.open(
        Postgres.newDatabase(), "postgres", "postgres", 4, Clock.systemUTC());
  }
}
