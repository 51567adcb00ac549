package com.stampcard.sync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.stampcard.core.account.AccountId;
import com.stampcard.core.account.Identifier;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.server.CentralServer;
import com.stampcard.server.bench.Measured;
import com.stampcard.server.testing.AppDevice;
import com.stampcard.server.testing.Http;
import com.stampcard.server.testing.Postgres;
import com.stampcard.server.testing.SseStream;
import com.stampcard.server.testing.TestServers;
import com.stampcard.sync.SyncAgent;
import com.stampcard.sync.TestTill;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Live latency: from a stamp at till A until it is visible at till B (another store) and in the
 * customer's app following the account, through a central server on PostgreSQL (fsync on).
 *
 * <pre>
 *   build/bench sync-agent com.stampcard.sync.bench.LiveLatencyBenchmark [stamps]
 * </pre>
 *
 * Both tills are real H2 files with embedded agents on their default options; the app is a
 * server-sent events client with a device ticket. Two rounds: the till app wakes its agent right
 * after a stamp ({@code SyncAgent.wake()}, as the till should), and it does not (the agent finds
 * the stamp on its next look, every 200 ms). Stamps are 300-700 ms apart, at random.
 */
public final class LiveLatencyBenchmark {
  private LiveLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int stamps = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    System.out.println("machine before: " + Measured.machine());
    Path folder = Files.createTempDirectory("live");
    Random random = new Random(11);
    try (CentralServer server = TestServers.postgres(Postgres.newDatabase(), Map.of());
        TestTill a = till(server, folder, "cafe-norr", "live-a");
        TestTill b = till(server, folder, "cafe-soder", "live-b")) {
      AppDevice phone = new AppDevice();
      UUID account = UUID.randomUUID();
      a.know(
          account,
          Identifier.appDevice(
              phone.keyId.hex(), phone.uncompressed, new AccountId(account), Instant.now()));
      a.stamp(account);
      a.agent.wake();
      waitFor(() -> b.balance(account) == 1, Duration.ofSeconds(30), "first stamp at till B");
      try (SseStream app =
          new SseStream(
              server.uri().resolve("/api/v1/app/accounts/" + account + "/live"),
              Map.of(
                  "Authorization", "Stampcard-Device " + phone.ticket(account, Instant.now())))) {
        if (app.next(e -> units(e) == 1, Duration.ofSeconds(10)) == null) {
          throw new IllegalStateException("the app stream sent no balances");
        }
        long expected = 1;
        for (boolean wake : new boolean[] {true, false}) {
          Measured tillB = new Measured();
          Measured phoneApp = new Measured();
          for (int i = 0; i < stamps + 5; i++) {
            Thread.sleep(300 + random.nextInt(400));
            long start = System.nanoTime();
            a.stamp(account);
            if (wake) {
              a.agent.wake();
            }
            long want = ++expected;
            waitFor(() -> b.balance(account) == want, Duration.ofSeconds(30), "till B");
            long atB = System.nanoTime();
            SseStream.Event seen = app.next(e -> units(e) == want, Duration.ofSeconds(30));
            if (seen == null) {
              throw new IllegalStateException("the app never showed " + want);
            }
            if (i >= 5) { // the first few warm up
              tillB.addNanos(atB - start);
              phoneApp.addNanos(seen.arrivedNanos() - start);
            }
          }
          String how =
              wake ? "agent woken after the stamp" : "agent not woken (polls every 200 ms)";
          System.out.printf(
              Locale.ROOT,
              "%nLIVE (%s), %d stamps:%n  till B (another store): %s%n  customer app:           %s%n",
              how,
              stamps,
              tillB.summary(),
              phoneApp.summary());
        }
      }
    }
    System.out.println("machine after: " + Measured.machine());
  }

  private static TestTill till(CentralServer server, Path folder, String store, String till)
      throws Exception {
    String code = server.enrolment().newCode(new StoreId(store), new TillId(till)).code();
    TestTill t =
        new TestTill(folder, server.uri(), store, till, null, null, SyncAgent.Options.defaults());
    t.agent.enrol(code);
    t.agent.start();
    return t;
  }

  private static long units(SseStream.Event e) {
    try {
      JsonNode balances = Http.JSON.readTree(e.data()).get("balances");
      for (JsonNode b : balances) {
        if (b.get("program_id").asText().equals("coffee-card")) {
          return b.get("units").asLong();
        }
      }
      return 0;
    } catch (java.io.IOException x) {
      return -1;
    }
  }

  interface Check {
    boolean ok() throws Exception;
  }

  private static void waitFor(Check check, Duration within, String what) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (!check.ok()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + ": not within " + within);
      }
      Thread.sleep(2);
    }
  }
}
