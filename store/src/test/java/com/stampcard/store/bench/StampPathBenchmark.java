package com.stampcard.store.bench;

import com.stampcard.core.code.InputMethod;
import com.stampcard.core.code.PrintedCard;
import com.stampcard.core.id.UuidV7Generator;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.program.Purchase;
import com.stampcard.core.redeem.RedemptionRules;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.till.CustomerLookup;
import com.stampcard.core.till.StampOutcome;
import com.stampcard.core.till.StampRequest;
import com.stampcard.core.till.StampService;
import com.stampcard.core.till.TillContext;
import com.stampcard.core.till.TillSettings;
import com.stampcard.core.time.HybridLogicalClock;
import com.stampcard.store.HibernateTillStore;
import com.stampcard.store.StoreDatabase;
import com.stampcard.store.seed.DemoSeed;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The stamp path on a big till database: from a decoded printed-card code to a committed STAMP
 * event and its updated balance, through the real StampService over HibernateTillStore on an H2
 * file holding 1,000,000 accounts and 10,000,000 events. Beside it, in the same run and on the same
 * database, a bare JDBC insert-and-commit of one row: the floor the stamp path stands on.
 *
 * <p>Run: {@code BENCH_JAVA_OPTS=-Xmx256m build/bench store
 * com.stampcard.store.bench.StampPathBenchmark [DB_FILE] [ACCOUNTS]}. The database is built once
 * (plain JDBC and set-based SQL, not Hibernate) and reused while {@code DB_FILE.complete} is there.
 * Results: docs/benchmarks/stamp-path.md.
 */
public final class StampPathBenchmark {
  private static final int EVENTS_PER_ACCOUNT = 10;
  private static final int TILLS = 20;
  private static final long SERIAL_BASE = 10_000_000L;
  private static final int WARM_UP = 2_000;
  private static final int ROUNDS = 5;
  private static final int PER_ROUND = 1_000;
  private static final String STORE = "cafe-norr";
  private static final Instant BASE = Instant.parse("2025-11-01T00:00:00Z");

  /** ledger_event's plain indexes, as V1__till_ledger.sql makes them. */
  private static final Map<String, String> LEDGER_INDEXES = new LinkedHashMap<>();

  static {
    LEDGER_INDEXES.put("ledger_event_account_program", "(account_id, program_id, hlc)");
    LEDGER_INDEXES.put("ledger_event_ref", "(ref_event_id)");
    LEDGER_INDEXES.put("ledger_event_till_time", "(till_id, occurred_at)");
    LEDGER_INDEXES.put("ledger_event_hlc", "(hlc)");
  }

  private StampPathBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "store/target/bench/stamp-path");
    long accounts = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
    Path marker = Path.of(file + ".complete");
    System.out.printf(
        "stamp path benchmark: %,d accounts, %,d events, file %s%n",
        accounts, accounts * EVENTS_PER_ACCOUNT, file.toAbsolutePath());
    System.out.println(
        "JVM: "
            + ManagementFactory.getRuntimeMXBean().getInputArguments()
            + ", max heap "
            + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MiB, cores "
            + Runtime.getRuntime().availableProcessors()
            + ", load "
            + loadAverage());
    if (!Files.exists(marker)) {
      build(file, accounts, marker);
    } else {
      System.out.println("reusing the database built earlier: " + Files.readString(marker).strip());
    }
    System.out.printf("file size: %,d MiB%n", Files.size(Path.of(file + ".mv.db")) >> 20);
    measure(file, accounts);
  }

  // --- building the dataset ---

  private static void build(Path file, long accounts, Path marker) throws Exception {
    Files.deleteIfExists(marker);
    Files.deleteIfExists(Path.of(file + ".mv.db"));
    Files.deleteIfExists(Path.of(file + ".trace.db"));
    long start = System.nanoTime();
    Clock clock = Clock.systemUTC();
    try (StoreDatabase db = StoreDatabase.h2File(file)) {
      new DemoSeed(clock, new UuidV7Generator(clock), 10_000)
          .load(db.tillStore(), Path.of("config", "demo"), new StoreId(STORE));
    }
    try (Connection c = DriverManager.getConnection(StoreDatabase.h2Url(file), "sa", "")) {
      c.setAutoCommit(false);
      long chunk = 100_000;
      step(
          "accounts",
          () -> {
            for (long from = 1; from <= accounts; from += chunk) {
              try (PreparedStatement s =
                  c.prepareStatement(
                      "INSERT INTO account (id, created_at, created_store, status)"
                          + " SELECT CAST('00000000-0000-7000-8000-' || LPAD(CAST(X AS VARCHAR), 12, '0')"
                          + " AS UUID), TIMESTAMP WITH TIME ZONE '2025-11-01 00:00:00+00', '"
                          + STORE
                          + "', 'ACTIVE' FROM SYSTEM_RANGE(?, ?)")) {
                s.setLong(1, from);
                s.setLong(2, Math.min(accounts, from + chunk - 1));
                s.executeUpdate();
              }
              c.commit();
            }
          });
      step(
          "printed-card identifiers",
          () -> {
            try (PreparedStatement s =
                c.prepareStatement(
                    "INSERT INTO identifier (kind, id_value, account_id, linked_at) VALUES ('PRINTED_CARD',"
                        + " ?, CAST(? AS UUID), TIMESTAMP WITH TIME ZONE '2025-11-01 00:00:00+00')")) {
              for (long a = 1; a <= accounts; a++) {
                s.setString(1, card(a).number());
                s.setString(2, accountUuid(a));
                s.addBatch();
                if (a % 10_000 == 0) {
                  s.executeBatch();
                  c.commit();
                }
              }
              s.executeBatch();
              c.commit();
            }
          });
      long events = accounts * EVENTS_PER_ACCOUNT;
      long baseSecond = BASE.getEpochSecond();
      // Loading into ledger_event with its five indexes costs five B-tree inserts a row; H2
      // builds an index over a full table much faster (sort and merge). The same definitions as
      // V1 go back on after the load, so the schema is the one Flyway made.
      step(
          "drop ledger_event's secondary indexes for the load",
          () -> {
            try (Statement s = c.createStatement()) {
              s.execute("ALTER TABLE ledger_event DROP CONSTRAINT ledger_event_till_seq_unique");
              for (String index : LEDGER_INDEXES.keySet()) {
                s.execute("DROP INDEX " + index);
              }
            }
            c.commit();
          });
      step(
          "ledger events",
          () -> {
            for (long from = 1; from <= events; from += chunk) {
              // event x belongs to account (x-1)/10+1; its 10th event is lunch points, the rest
              // stamps
              try (PreparedStatement s =
                  c.prepareStatement(
                      "INSERT INTO ledger_event (event_id, account_id, program_id, program_version, type,"
                          + " quantity, store_id, till_id, till_seq, cashier_id, occurred_at, hlc,"
                          + " input_method, flags)"
                          + " SELECT CAST('00000001-0000-7000-8000-' || LPAD(CAST(X AS VARCHAR), 12, '0')"
                          + " AS UUID),"
                          + " CAST('00000000-0000-7000-8000-' || LPAD(CAST((X - 1) / 10 + 1 AS VARCHAR),"
                          + " 12, '0') AS UUID),"
                          + " CASE WHEN MOD(X - 1, 10) = 9 THEN 'lunch-points' ELSE 'coffee-card' END, 1,"
                          + " CASE WHEN MOD(X - 1, 10) = 9 THEN 'POINTS_EARN' ELSE 'STAMP' END,"
                          + " CASE WHEN MOD(X - 1, 10) = 9 THEN MOD((X - 1) / 10 + 1, 100) + 1 ELSE 1 END,"
                          + " '"
                          + STORE
                          + "', 'bench-till-' || CAST(MOD(X, "
                          + TILLS
                          + ") AS VARCHAR),"
                          + " (X - 1) / "
                          + TILLS
                          + " + 1, 'anna',"
                          + " DATEADD(SECOND, X * 3, TIMESTAMP WITH TIME ZONE '2025-11-01 00:00:00+00'),"
                          + " ("
                          + baseSecond
                          + " + X * 3) * 1000 * 65536, 'SCANNER', 'STATIC_CODE'"
                          + " FROM SYSTEM_RANGE(?, ?)")) {
                s.setLong(1, from);
                s.setLong(2, Math.min(events, from + chunk - 1));
                s.executeUpdate();
              }
              c.commit();
              if ((from - 1) % 1_000_000 == 0) {
                System.out.printf("  %,d events%n", from - 1);
              }
            }
          });
      step(
          "ledger_event's indexes",
          () -> {
            try (Statement s = c.createStatement()) {
              s.execute(
                  "ALTER TABLE ledger_event ADD CONSTRAINT ledger_event_till_seq_unique"
                      + " UNIQUE (till_id, till_seq)");
              for (Map.Entry<String, String> index : LEDGER_INDEXES.entrySet()) {
                s.execute(
                    "CREATE INDEX " + index.getKey() + " ON ledger_event " + index.getValue());
              }
            }
            c.commit();
          });
      step(
          "balances",
          () -> {
            for (long from = 1; from <= accounts; from += chunk) {
              try (PreparedStatement s =
                  c.prepareStatement(
                      "INSERT INTO balance (account_id, program_id, units, last_earned_at, events)"
                          + " SELECT CAST('00000000-0000-7000-8000-' || LPAD(CAST(X AS VARCHAR), 12, '0')"
                          + " AS UUID), 'coffee-card', 9, DATEADD(SECOND, ((X - 1) * 10 + 9) * 3,"
                          + " TIMESTAMP WITH TIME ZONE '2025-11-01 00:00:00+00'), 9 FROM SYSTEM_RANGE(?, ?)"
                          + " UNION ALL"
                          + " SELECT CAST('00000000-0000-7000-8000-' || LPAD(CAST(X AS VARCHAR), 12, '0')"
                          + " AS UUID), 'lunch-points', MOD(X, 100) + 1, DATEADD(SECOND, ((X - 1) * 10 + 10)"
                          + " * 3, TIMESTAMP WITH TIME ZONE '2025-11-01 00:00:00+00'), 1"
                          + " FROM SYSTEM_RANGE(?, ?)")) {
                long to = Math.min(accounts, from + chunk - 1);
                s.setLong(1, from);
                s.setLong(2, to);
                s.setLong(3, from);
                s.setLong(4, to);
                s.executeUpdate();
              }
              c.commit();
            }
          });
      step(
          "till sequences",
          () -> {
            try (PreparedStatement s =
                c.prepareStatement(
                    "INSERT INTO till_sequence (till_id, last_seq) SELECT 'bench-till-' || CAST(X AS"
                        + " VARCHAR), ? FROM SYSTEM_RANGE(0, ?)")) {
              s.setLong(1, events / TILLS);
              s.setLong(2, TILLS - 1);
              s.executeUpdate();
            }
            c.commit();
          });
      step(
          "compact",
          () -> {
            try (Statement s = c.createStatement()) {
              s.execute("SHUTDOWN COMPACT");
            }
          });
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String note = String.format("built %s in %d s", Instant.now(), took.toSeconds());
    Files.writeString(marker, note + System.lineSeparator());
    System.out.println(note);
  }

  private interface Step {
    void run() throws SQLException;
  }

  private static void step(String what, Step step) throws SQLException {
    long t0 = System.nanoTime();
    step.run();
    System.out.printf("  %s: %d s%n", what, (System.nanoTime() - t0) / 1_000_000_000);
  }

  static PrintedCard card(long account) {
    return PrintedCard.fromSerial(SERIAL_BASE + account);
  }

  private static String accountUuid(long account) {
    return String.format("00000000-0000-7000-8000-%012d", account);
  }

  // --- measuring ---

  private static void measure(Path file, long accounts) throws Exception {
    long t0 = System.nanoTime();
    try (StoreDatabase db = StoreDatabase.h2File(file);
        Connection bare = DriverManager.getConnection(StoreDatabase.h2Url(file), "sa", "")) {
      System.out.printf(
          "open (Flyway check + Hibernate boot + pool): %d ms%n",
          (System.nanoTime() - t0) / 1_000_000);
      HibernateTillStore store = db.tillStore();
      Clock clock = Clock.systemUTC();
      TillSettings settings =
          new TillSettings(
              new StoreId(STORE),
              new TillId("bench-till-0"),
              ZoneId.of("Europe/Stockholm"),
              true,
              Duration.ofSeconds(30),
              Duration.ofMinutes(2),
              RedemptionRules.defaults());
      long highest = store.inTransaction(tx -> tx.highestHlc());
      TillContext till =
          new TillContext(
              settings, clock, new UuidV7Generator(clock), new HybridLogicalClock(clock, highest));
      StampService stamping = new StampService(store, till, new CustomerLookup(till, clock));
      ProgramId coffee = new ProgramId("coffee-card");
      StaffId anna = new StaffId("anna");

      bare.setAutoCommit(false);
      try (Statement s = bare.createStatement()) {
        s.execute(
            "CREATE TABLE IF NOT EXISTS bench_ping (id BIGINT GENERATED BY DEFAULT AS"
                + " IDENTITY PRIMARY KEY, at TIMESTAMP WITH TIME ZONE NOT NULL)");
      }
      bare.commit();
      PreparedStatement ping = bare.prepareStatement("INSERT INTO bench_ping (at) VALUES (?)");

      Random random = new Random(42);
      Map<String, Integer> outcomes = new HashMap<>();
      // warm-up: the JIT and H2's page cache
      for (int i = 0; i < WARM_UP; i++) {
        stamp(stamping, coffee, anna, accounts, random, outcomes);
        ping(bare, ping);
      }
      outcomes.clear();
      long[] stamps = new long[ROUNDS * PER_ROUND];
      long[] pings = new long[ROUNDS * PER_ROUND];
      // rounds interleave the two, so both see the same background load
      for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < PER_ROUND; i++) {
          stamps[round * PER_ROUND + i] = stamp(stamping, coffee, anna, accounts, random, outcomes);
        }
        for (int i = 0; i < PER_ROUND; i++) {
          pings[round * PER_ROUND + i] = ping(bare, ping);
        }
      }
      ping.close();
      report("stamp path (StampService + HibernateTillStore)", stamps);
      report("bare JDBC insert + commit", pings);
      Arrays.sort(stamps);
      Arrays.sort(pings);
      System.out.printf(
          "ratio stamp/bare: median %.1fx, p99 %.1fx%n",
          (double) at(stamps, 0.50) / at(pings, 0.50), (double) at(stamps, 0.99) / at(pings, 0.99));
      System.out.println("outcomes: " + outcomes);
      System.gc();
      System.gc();
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      System.out.printf(
          "heap used after GC: %d MiB of max %d MiB; load %s%n",
          used >> 20, Runtime.getRuntime().maxMemory() >> 20, loadAverage());
    }
  }

  private static long stamp(
      StampService stamping,
      ProgramId coffee,
      StaffId cashier,
      long accounts,
      Random random,
      Map<String, Integer> outcomes) {
    // decoded before the clock starts: the path begins at a printed-card code
    PrintedCard card = card(1 + (long) (random.nextDouble() * accounts));
    StampRequest request =
        new StampRequest(card, InputMethod.SCANNER, coffee, cashier, Purchase.unknown());
    long t0 = System.nanoTime();
    StampOutcome outcome = stamping.stamp(request);
    long took = System.nanoTime() - t0;
    outcomes.merge(outcome.getClass().getSimpleName(), 1, Integer::sum);
    return took;
  }

  private static long ping(Connection bare, PreparedStatement ping) throws SQLException {
    long t0 = System.nanoTime();
    ping.setObject(1, java.time.OffsetDateTime.now());
    ping.executeUpdate();
    bare.commit();
    return System.nanoTime() - t0;
  }

  private static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%s, n=%d: median %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms%n",
        what,
        sorted.length,
        ms(at(sorted, 0.50)),
        ms(at(sorted, 0.95)),
        ms(at(sorted, 0.99)),
        ms(sorted[sorted.length - 1]));
  }

  private static long at(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
