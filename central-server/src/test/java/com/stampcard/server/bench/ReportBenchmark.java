package com.stampcard.server.bench;

import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.report.AnomalyReport;
import com.stampcard.server.report.ReportPeriod;
import com.stampcard.server.report.ReportQueries;
import com.stampcard.server.report.Reports;
import com.stampcard.server.testing.Postgres;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;

/**
 * How long the back office's reports take on a ledger of a given size, on embedded PostgreSQL: the
 * period's events (and the history before them) are read and computed in Java (ADR 0802).
 *
 * <pre>build/bench central-server com.stampcard.server.bench.ReportBenchmark [events=200000]
 * [customers=20000] [runs=5]</pre>
 */
public final class ReportBenchmark {
  private ReportBenchmark() {}

  public static void main(String[] args) {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int customers = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    System.out.println("machine before: " + Measured.machine());
    ZoneId zone = ZoneId.of("Europe/Stockholm");
    LocalDate from = LocalDate.of(2026, 1, 1);
    int days = 90;
    try (ServerDatabase db =
        ServerDatabase.open(Postgres.newDatabase(), "postgres", "postgres", 4, Clock.systemUTC())) {
      long started = System.nanoTime();
      Random random = new Random(8);
      UUID[] accounts = new UUID[customers];
      for (int i = 0; i < customers; i++) {
        accounts[i] = new UUID(random.nextLong(), random.nextLong());
      }
      db.write(
          c -> {
            try (PreparedStatement s =
                c.prepareStatement(
                    "INSERT INTO ledger_event (event_id, account_id, program_id, program_version,"
                        + " type, quantity, store_id, till_id, till_seq, cashier_id, occurred_at,"
                        + " hlc, flags) VALUES (?, ?, 'coffee-card', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
              for (int i = 1; i <= events; i++) {
                boolean redeem = i % 12 == 0;
                int store = random.nextInt(10);
                s.setObject(1, new UUID(random.nextLong(), i));
                s.setObject(2, accounts[random.nextInt(customers)]);
                s.setString(3, redeem ? "REDEEM" : "STAMP");
                s.setLong(4, redeem ? -10 : 1);
                s.setString(5, "store-" + store);
                s.setString(6, "till-" + i % 50);
                s.setLong(7, i);
                s.setString(8, "cashier-" + random.nextInt(60));
                s.setObject(
                    9,
                    from.atStartOfDay(zone)
                        .plusSeconds((long) random.nextInt(days * 86_400))
                        .toOffsetDateTime()
                        .withOffsetSameInstant(ZoneOffset.UTC));
                s.setLong(10, i);
                s.setString(11, random.nextInt(20) == 0 ? "TYPED_CODE" : "");
                s.addBatch();
                if (i % 5_000 == 0) {
                  s.executeBatch();
                }
              }
              s.executeBatch();
            }
            return null;
          });
      db.write(
          c -> {
            try (var s = c.createStatement()) {
              s.execute("ANALYZE ledger_event");
            }
            return null;
          });
      System.out.printf(
          "ledger: %,d events, %,d customers, loaded in %.1f s%n",
          events, customers, (System.nanoTime() - started) / 1e9);
      ReportQueries queries = new ReportQueries(db);
      ReportPeriod quarter = new ReportPeriod(from, from.plusDays(days - 1), zone);
      // one untimed run warms the JIT
      queries.reports(quarter, AnomalyReport.Rules.defaults());
      Measured measured = new Measured();
      double jvm = Measured.jvmCpuSeconds();
      double pg = Measured.postgresCpuSeconds();
      Reports last = null;
      for (int r = 0; r < runs; r++) {
        long t = System.nanoTime();
        last = queries.reports(quarter, AnomalyReport.Rules.defaults());
        measured.addNanos(System.nanoTime() - t);
      }
      System.out.println("all five reports for the quarter: " + measured.summary());
      System.out.printf(
          "CPU per run: server JVM %.2f s, PostgreSQL %.2f s (the JVM figure includes its GC)%n",
          (Measured.jvmCpuSeconds() - jvm) / runs, (Measured.postgresCpuSeconds() - pg) / runs);
      System.out.println(
          "check: customers "
              + last.visits().customers()
              + ", visits "
              + last.visits().visits()
              + ", earned "
              + last.redemption().lines().get(0).earned());
      System.out.println("machine after: " + Measured.machine());
    }
  }
}
