package com.stampcard.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stampcard.core.id.UuidV7Generator;
import com.stampcard.core.sync.PushRequest;
import com.stampcard.core.sync.WireAccount;
import com.stampcard.core.sync.WireEvent;
import com.stampcard.core.sync.WireIdentifier;
import com.stampcard.server.CentralServer;
import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.http.Json;
import com.stampcard.server.testing.Postgres;
import com.stampcard.server.testing.TestServers;
import com.stampcard.server.testing.Tills;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;

/**
 * Ingest: events per second a central server on PostgreSQL (fsync and synchronous_commit on)
 * accepts from simulated tills pushing batches over HTTP, against a bare COPY of the same rows into
 * the same table, measured in the same run.
 *
 * <pre>
 *   build/bench central-server com.stampcard.server.bench.IngestBenchmark [tills] [timedBatches] [batchSize]
 * </pre>
 *
 * Every till belongs to one of ten stores and stamps cards of that store's customers (2,000 per
 * store, each with a printed card, known to the server before the run). Each push carries the
 * accounts its events name, with their identifiers, as the sync agent sends them. Request bodies
 * are made before the clock starts: the figure is the server's and the database's work, not the
 * simulated tills'. One warm-up round (untimed) opens most accounts and warms the JIT.
 */
public final class IngestBenchmark {
  private static final int STORES = 10;
  private static final int ACCOUNTS_PER_STORE = 2_000;
  private static final int WARMUP_BATCHES = 3;

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tills = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int timedBatches = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    System.out.println("machine before: " + Measured.machine());
    ObjectMapper json = Json.mapper();
    UuidV7Generator ids = new UuidV7Generator(Clock.systemUTC());
    Random random = new Random(42);

    List<List<Customer>> customers = new ArrayList<>();
    for (int s = 0; s < STORES; s++) {
      List<Customer> list = new ArrayList<>();
      for (int i = 0; i < ACCOUNTS_PER_STORE; i++) {
        list.add(new Customer(ids.next(), String.format(Locale.ROOT, "27%02d%09d", s, i)));
      }
      customers.add(list);
    }

    String url = Postgres.newDatabase();
    String poolSize = System.getProperty("bench.poolSize", "10");
    try (CentralServer server = TestServers.postgres(url, Map.of("database.poolSize", poolSize))) {
      List<Till> all = new ArrayList<>();
      for (int t = 0; t < tills; t++) {
        int store = t % STORES;
        String storeId = "store-" + store;
        String tillId = "till-" + t;
        all.add(new Till(storeId, tillId, Tills.enrol(server, storeId, tillId), store));
      }
      // every batch of every till, made before timing
      int batches = WARMUP_BATCHES + timedBatches;
      Instant now = Instant.now();
      List<List<WireEvent>> warmRows = new ArrayList<>();
      List<List<WireEvent>> timedRows = new ArrayList<>();
      for (Till till : all) {
        List<Customer> pool = customers.get(till.storeIndex);
        long seq = 0;
        for (int b = 0; b < batches; b++) {
          List<WireEvent> events = new ArrayList<>();
          Map<UUID, Customer> named = new LinkedHashMap<>();
          for (int i = 0; i < batchSize; i++) {
            Customer c = pool.get(random.nextInt(pool.size()));
            named.put(c.account, c);
            seq++;
            events.add(
                new WireEvent(
                    ids.next(),
                    c.account,
                    "coffee-card",
                    1,
                    "STAMP",
                    1L,
                    till.store,
                    till.till,
                    seq,
                    "anna",
                    now.toString(),
                    seq,
                    "SCANNER",
                    null,
                    null,
                    null,
                    List.of()));
          }
          List<WireAccount> accounts = new ArrayList<>();
          for (Customer c : named.values()) {
            accounts.add(account(c, till.store, now));
          }
          till.bodies.add(json.writeValueAsBytes(new PushRequest(accounts, events)));
          (b < WARMUP_BATCHES ? warmRows : timedRows).add(events);
        }
      }

      // the stores' customers are known to the server already (opened on earlier days, by one
      // till each): the first till of every store sends them, without events
      for (Till till : all.subList(0, Math.min(STORES, all.size()))) {
        List<Customer> pool = customers.get(till.storeIndex);
        for (int from = 0; from < pool.size(); from += 1000) {
          List<WireAccount> known = new ArrayList<>();
          for (Customer c : pool.subList(from, Math.min(pool.size(), from + 1000))) {
            known.add(account(c, till.store, now));
          }
          byte[] body = json.writeValueAsBytes(new PushRequest(known, List.of()));
          HttpResponse<String> r =
              HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(server.uri().resolve("/api/v1/push"))
                          .header("Authorization", "Bearer " + till.credential)
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() != 200) {
            throw new IllegalStateException("opening accounts: " + r.body());
          }
        }
      }
      // warm-up rounds (the JIT): each till's first batches
      run(server.uri(), all, 0, WARMUP_BATCHES, new Measured());
      long before = Postgres.count(url, "SELECT COUNT(*) FROM ledger_event");
      Measured pushes = new Measured();
      double jvmCpu = Measured.jvmCpuSeconds();
      double pgCpu = Measured.postgresCpuSeconds();
      long start = System.nanoTime();
      run(server.uri(), all, WARMUP_BATCHES, batches, pushes);
      double seconds = (System.nanoTime() - start) / 1e9;
      jvmCpu = Measured.jvmCpuSeconds() - jvmCpu;
      pgCpu = Measured.postgresCpuSeconds() - pgCpu;
      long after = Postgres.count(url, "SELECT COUNT(*) FROM ledger_event");
      long timed = after - before;
      double ingestRate = timed / seconds;
      System.out.println("machine after ingest: " + Measured.machine());

      // what the server holds: every event once, balances that add up, every till acknowledged
      long expected = (long) tills * batches * batchSize;
      long units = Postgres.count(url, "SELECT COALESCE(SUM(units), 0) FROM balance");
      long acked = Postgres.count(url, "SELECT COALESCE(SUM(contiguous_seq), 0) FROM till");
      if (after != expected || units != expected || acked != expected) {
        throw new IllegalStateException(
            "the server holds "
                + after
                + " events, balances of "
                + units
                + " and acknowledgements to "
                + acked
                + "; expected "
                + expected);
      }

      // a bare COPY of the same rows into the same table of a fresh database
      String copyUrl = Postgres.newDatabase();
      ServerDatabase.open(copyUrl, "postgres", "postgres", 2, Clock.systemUTC()).close();
      byte[] warm = copyText(warmRows);
      byte[] rows = copyText(timedRows);
      copy(copyUrl, warm);
      Copied copy = copy(copyUrl, rows);
      long copied = copy.rows();
      double copySeconds = copy.seconds();
      double copyCpu = copy.postgresCpu();
      double copyRate = copied / copySeconds;
      System.out.println("machine after copy: " + Measured.machine());

      System.out.printf(
          Locale.ROOT,
          "%nINGEST (server pool %s) %d tills x %d batches x %d events: %d events in %.2f s = %.0f events/s"
              + "%n  pushes: %s"
              + "%n  CPU: server JVM (with the simulated tills) %.1f s, PostgreSQL %.1f s"
              + " = %.0f and %.0f CPU-ms per 1,000 events"
              + "%nCOPY of the same %d rows: %.2f s = %.0f rows/s; PostgreSQL %.0f CPU-ms per 1,000"
              + "%nratio ingest/COPY = %.2f%n",
          poolSize,
          tills,
          timedBatches,
          batchSize,
          timed,
          seconds,
          ingestRate,
          pushes.summary(),
          jvmCpu,
          pgCpu,
          jvmCpu * 1e6 / timed,
          pgCpu * 1e6 / timed,
          copied,
          copySeconds,
          copyRate,
          copyCpu * 1e6 / copied,
          ingestRate / copyRate);
    }
  }

  private record Customer(UUID account, String card) {}

  /** A customer's account as a till sends it: opened yesterday, with a printed card. */
  private static WireAccount account(Customer c, String store, Instant now) {
    String yesterday = now.minusSeconds(86_400).toString();
    return new WireAccount(
        c.account,
        yesterday,
        store,
        "ACTIVE",
        null,
        List.of(new WireIdentifier("PRINTED_CARD", c.card, null, yesterday, null)));
  }

  private static final class Till {
    final String store;
    final String till;
    final String credential;
    final int storeIndex;
    final List<byte[]> bodies = new ArrayList<>();

    Till(String store, String till, String credential, int storeIndex) {
      this.store = store;
      this.till = till;
      this.credential = credential;
      this.storeIndex = storeIndex;
    }
  }

  /** Every till pushes its batches [from, to) one after another, all tills at once. */
  private static void run(URI server, List<Till> tills, int from, int to, Measured pushes)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tills.size());
    try {
      List<Future<?>> work = new ArrayList<>();
      for (Till till : tills) {
        work.add(
            pool.submit(
                () -> {
                  HttpClient http =
                      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                  for (int b = from; b < to; b++) {
                    HttpRequest request =
                        HttpRequest.newBuilder(server.resolve("/api/v1/push"))
                            .timeout(Duration.ofSeconds(120))
                            .header("Authorization", "Bearer " + till.credential)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(till.bodies.get(b)))
                            .build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> r =
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                    // like the sync agent: a busy server (503) is asked again after a pause
                    for (int attempt = 1; r.statusCode() == 503 && attempt < 10; attempt++) {
                      pushes.retried();
                      Thread.sleep(200L * attempt);
                      r = http.send(request, HttpResponse.BodyHandlers.ofString());
                    }
                    pushes.addNanos(System.nanoTime() - t0);
                    if (r.statusCode() != 200) {
                      throw new IllegalStateException(
                          till.till + " push " + b + ": " + r.statusCode() + " " + r.body());
                    }
                    JsonNode answer = Json.mapper().readTree(r.body());
                    if (answer.get("inserted").asInt() == 0) {
                      throw new IllegalStateException(till.till + " push " + b + " stored nothing");
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The rows as COPY text. */
  private static byte[] copyText(List<List<WireEvent>> batches) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (List<WireEvent> batch : batches) {
      for (WireEvent e : batch) {
        String line =
            String.join(
                    "\t",
                    e.eventId().toString(),
                    e.accountId().toString(),
                    e.programId(),
                    Integer.toString(e.programVersion()),
                    e.type(),
                    Long.toString(e.quantity()),
                    e.storeId(),
                    e.tillId(),
                    Long.toString(e.tillSeq()),
                    e.cashierId(),
                    e.occurredAt(),
                    Long.toString(e.hlc()),
                    e.inputMethod(),
                    "\\N",
                    "\\N",
                    "\\N",
                    "")
                + "\n";
        out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  private record Copied(long rows, double seconds, double postgresCpu) {}

  /** COPYs the rows in one transaction; times it, and the database's CPU, up to the commit. */
  private static Copied copy(String url, byte[] text) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
      c.setAutoCommit(false);
      double cpu = Measured.postgresCpuSeconds();
      long start = System.nanoTime();
      long n =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "COPY ledger_event (event_id, account_id, program_id, program_version, type,"
                      + " quantity, store_id, till_id, till_seq, cashier_id, occurred_at, hlc,"
                      + " input_method, ref_event_id, reason, approved_by, flags) FROM STDIN",
                  new ByteArrayInputStream(text));
      c.commit();
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Copied(n, seconds, Measured.postgresCpuSeconds() - cpu);
    }
  }
}
