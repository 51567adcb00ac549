package com.stampcard.server.report;

import com.stampcard.server.db.ServerDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The reports' reads from the server's ledger, in SQL that H2 and PostgreSQL both run. The figures
 * are computed from these rows by the report records, in plain Java (tested without a database).
 */
public final class ReportQueries {
  private final ServerDatabase db;

  public ReportQueries(ServerDatabase db) {
    this.db = db;
  }

  /** The five reports for {@code period}. */
  public Reports reports(ReportPeriod period, AnomalyReport.Rules rules) {
    return db.read(
        c -> {
          Roots roots = roots(c);
          List<LedgerRow> events = events(c, period.start(), period.end());
          List<LedgerRow> history = events(c, Instant.EPOCH, period.end());
          return new Reports(
              period,
              RedemptionReport.of(events),
              VisitReport.of(events, roots, period.zone()),
              CohortReport.of(
                  history, roots, period.zone(), period.firstMonth(), period.lastMonth()),
              LiabilityReport.of(holdings(c), roots),
              AnomalyReport.of(events, roots, rules));
        });
  }

  private static Roots roots(Connection c) throws SQLException {
    Map<UUID, UUID> merged = new HashMap<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT id, merged_into FROM account WHERE merged_into IS NOT NULL");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        merged.put(r.getObject(1, UUID.class), r.getObject(2, UUID.class));
      }
    }
    return new Roots(merged);
  }

  private static List<LedgerRow> events(Connection c, Instant from, Instant to)
      throws SQLException {
    List<LedgerRow> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT e.event_id, e.account_id, e.program_id, e.type, e.quantity, e.store_id,"
                + " e.till_id, e.cashier_id, e.occurred_at, e.flags,"
                + " CASE WHEN EXISTS (SELECT 1 FROM ledger_event v"
                + " WHERE v.ref_event_id = e.event_id AND v.type = 'VOID') THEN 1 ELSE 0 END"
                + " FROM ledger_event e WHERE e.occurred_at >= ? AND e.occurred_at < ?")) {
      s.setObject(1, from.atOffset(ZoneOffset.UTC));
      s.setObject(2, to.atOffset(ZoneOffset.UTC));
      s.setFetchSize(1000);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String flags = r.getString(10);
          rows.add(
              new LedgerRow(
                  r.getObject(1, UUID.class),
                  r.getObject(2, UUID.class),
                  r.getString(3),
                  r.getString(4),
                  r.getLong(5),
                  r.getString(6),
                  r.getString(7),
                  r.getString(8),
                  r.getObject(9, OffsetDateTime.class).toInstant(),
                  flags == null || flags.isEmpty()
                      ? Set.of()
                      : Set.copyOf(Arrays.asList(flags.split(","))),
                  r.getInt(11) == 1));
        }
      }
    }
    return rows;
  }

  private static List<LiabilityReport.Holding> holdings(Connection c) throws SQLException {
    List<LiabilityReport.Holding> rows = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT account_id, program_id, SUM(quantity) FROM ledger_event"
                    + " GROUP BY account_id, program_id");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        rows.add(
            new LiabilityReport.Holding(r.getObject(1, UUID.class), r.getString(2), r.getLong(3)));
      }
    }
    return rows;
  }
}
