package com.stampcard.sync.bench;

import com.stampcard.core.id.UuidV7Generator;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.sync.PushRequest;
import com.stampcard.core.sync.WireAccount;
import com.stampcard.core.sync.WireEvent;
import com.stampcard.core.sync.WireIdentifier;
import com.stampcard.server.CentralServer;
import com.stampcard.server.bench.Measured;
import com.stampcard.server.testing.Http;
import com.stampcard.server.testing.Postgres;
import com.stampcard.server.testing.TestServers;
import com.stampcard.server.testing.Tills;
import com.stampcard.sync.SyncAgent;
import com.stampcard.sync.TestTill;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Catch-up: a till that was offline for a busy store's day (10,000 events from the store's other
 * tills) is current again, every event of the day applied, within how long of starting its agent.
 *
 * <pre>
 *   build/bench sync-agent com.stampcard.sync.bench.CatchUpBenchmark [runs] [eventsPerDay]
 * </pre>
 *
 * A central server on PostgreSQL (fsync on); the till is a real H2 file with the embedded agent on
 * its default options. Each run enrols a fresh till, syncs it, closes it (offline), lets four other
 * tills of the store push the day's events over the API, then reopens the till and times its agent
 * from start until the till holds every event of the day and the same balances as the server.
 */
public final class CatchUpBenchmark {
  private static final String STORE = "cafe-norr";
  private static final int CUSTOMERS = 2_000;

  private CatchUpBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int perDay = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    System.out.println("machine before: " + Measured.machine());
    Path folder = Files.createTempDirectory("catch-up");
    UuidV7Generator ids = new UuidV7Generator(Clock.systemUTC());
    Random random = new Random(7);
    Measured catchUp = new Measured();
    Measured cold = new Measured();
    try (CentralServer server = TestServers.postgres(Postgres.newDatabase(), Map.of())) {
      Http http = new Http(server.uri());
      List<UUID> customers = new ArrayList<>();
      for (int i = 0; i < CUSTOMERS; i++) {
        customers.add(ids.next());
      }
      String[] others = new String[4];
      String[] credentials = new String[others.length];
      long[] seqs = new long[others.length];
      for (int t = 0; t < others.length; t++) {
        others[t] = "day-" + t;
        credentials[t] = Tills.enrol(server, STORE, others[t]);
      }
      // run 0 warms the JVM (server and agent share it here) and is reported apart
      for (int run = 0; run <= runs; run++) {
        String tillId = "offline-" + run;
        String code = server.enrolment().newCode(new StoreId(STORE), new TillId(tillId)).code();
        long before;
        try (TestTill till =
            new TestTill(
                folder, server.uri(), STORE, tillId, null, null, SyncAgent.Options.defaults())) {
          till.agent.enrol(code);
          if (!till.agent.syncOnce()) {
            throw new IllegalStateException("first sync failed: " + till.agent.status());
          }
          before = till.eventRows();
        }
        // the day: the other tills push perDay events in batches of 500, as their agents would
        Instant now = Instant.now();
        for (int sent = 0; sent < perDay; ) {
          int t = (sent / 500) % others.length;
          List<WireEvent> events = new ArrayList<>();
          List<WireAccount> accounts = new ArrayList<>();
          for (int i = 0; i < 500 && sent < perDay; i++, sent++) {
            UUID account = customers.get(random.nextInt(customers.size()));
            seqs[t]++;
            events.add(Tills.event(STORE, others[t], seqs[t], account, "STAMP", 1));
            String yesterday = now.minusSeconds(86_400).toString();
            accounts.add(
                new WireAccount(
                    account,
                    yesterday,
                    STORE,
                    "ACTIVE",
                    null,
                    List.of(
                        new WireIdentifier(
                            "PRINTED_CARD",
                            "28" + account.toString().substring(25),
                            null,
                            yesterday,
                            null))));
          }
          Http.Answer a =
              http.post(
                  "/api/v1/push",
                  credentials[t],
                  new PushRequest(accounts.stream().distinct().toList(), events));
          if (a.status() != 200) {
            throw new IllegalStateException("push: " + a.body());
          }
        }
        try (TestTill till =
            new TestTill(
                folder, server.uri(), STORE, tillId, null, null, SyncAgent.Options.defaults())) {
          long start = System.nanoTime();
          till.agent.start();
          while (till.eventRows() < before + perDay) {
            Thread.sleep(20);
            if (System.nanoTime() - start > Duration.ofMinutes(5).toNanos()) {
              throw new IllegalStateException("not caught up in 5 minutes: " + till.eventRows());
            }
          }
          long elapsed = System.nanoTime() - start;
          (run == 0 ? cold : catchUp).addNanos(elapsed);
          UUID sample = customers.get(0);
          long onServer = serverBalance(server, sample);
          if (till.balance(sample) != onServer) {
            throw new IllegalStateException(
                "balance " + till.balance(sample) + " at the till, " + onServer + " on the server");
          }
          System.out.printf(
              Locale.ROOT,
              "run %d%s: %d events applied in %.2f s (till holds %d)%n",
              run,
              run == 0 ? " (cold JVM)" : "",
              perDay,
              elapsed / 1e9,
              till.eventRows());
        }
      }
    }
    System.out.println("machine after: " + Measured.machine());
    System.out.printf(
        Locale.ROOT,
        "%nCATCH-UP of %d events: %s; cold JVM: %s%n",
        perDay,
        catchUp.summary(),
        cold.summary());
  }

  private static long serverBalance(CentralServer server, UUID account) {
    return server
        .database()
        .read(
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT units FROM balance WHERE account_id = ?"
                          + " AND program_id = 'coffee-card'")) {
                s.setObject(1, account);
                try (ResultSet r = s.executeQuery()) {
                  return r.next() ? r.getLong(1) : 0L;
                }
              }
            });
  }
}
