package com.stampcard.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.sync.PushRequest;
import com.stampcard.core.sync.WireEvent;
import com.stampcard.server.CentralServer;
import com.stampcard.server.testing.Http;
import com.stampcard.server.testing.Postgres;
import com.stampcard.server.testing.TestServers;
import com.stampcard.server.testing.Tills;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faults as the issue words them, with real processes where a process dies: the server killed
 * (SIGKILL) while a till pushes, a till's agent killed while it applies pulled pages, and every
 * request delivered twice. After each, the server and every till hold the same balances and every
 * event exactly once.
 */
class FaultScenariosIT {
  @TempDir Path folder;
  private final Opened opened = new Opened();

  @AfterEach
  void closeAll() throws Exception {
    opened.closeAll();
  }

  @Test
  void theServerKilledWhileATillPushesLosesAndDoublesNothing() throws Exception {
    String url = Postgres.newDatabase();
    int port = freePort();
    URI uri = URI.create("http://127.0.0.1:" + port);
    ChildJvm server = serverProcess(url, port);
    TestTill a =
        opened.keep(
            new TestTill(folder, uri, "cafe-norr", "kill-a", code(uri, "cafe-norr", "kill-a")));
    TestTill b =
        opened.keep(
            new TestTill(folder, uri, "cafe-soder", "kill-b", code(uri, "cafe-soder", "kill-b")));
    a.agent.start();
    b.agent.start();
    UUID account = UUID.randomUUID();
    a.know(account);
    Thread stamping =
        new Thread(
            () -> {
              for (int i = 0; i < 1_000; i++) {
                a.stamp(account);
                if (i % 5 == 0) {
                  b.stamp(account);
                }
              }
            });
    stamping.start();
    // the agent pushes batches of 200 back to back: killed once the first have landed
    waitUntil(
        Duration.ofSeconds(60),
        () -> Postgres.count(url, "SELECT COUNT(*) FROM ledger_event") >= 200);
    server.kill();
    long atKill = Postgres.count(url, "SELECT COUNT(*) FROM ledger_event");
    stamping.join();
    assertThat(atKill).as("killed before the till had pushed everything").isLessThan(1_200);

    serverProcess(url, port);
    Convergence.await(
        Convergence.ofDatabase(url),
        List.of(a, b),
        Map.of(account, 1_200L),
        1_200,
        Duration.ofSeconds(90));
  }

  @Test
  void aTillKilledWhileApplyingPulledPagesConvergesWhenReopened() throws Exception {
    try (CentralServer server =
        TestServers.postgres(Postgres.newDatabase(), Map.of("sync.pullPageSize", "100"))) {
      // a busy day at the store, pushed by two other tills
      Map<UUID, Long> balances = day(server, 3_000, 200);
      String code = server.enrolment().newCode(new StoreId("cafe-norr"), new TillId("x-1")).code();
      new TestTill(folder, server.uri(), "cafe-norr", "x-1", code).close();

      ChildJvm agent =
          opened.keep(
              new ChildJvm(
                  SyncAgentMain.class.getName(),
                  List.of("-Dlogback.configurationFile=logback-child-agent.xml"),
                  List.of(
                      "--till.database=" + folder.resolve("x-1"),
                      "--server.url=" + server.uri(),
                      "--sync.poll=PT0.05S")));
      for (int page = 0; page < 5; page++) {
        agent.awaitLine(l -> l.contains("applied Applied[events="), Duration.ofSeconds(90));
      }
      agent.kill();

      TestTill x = opened.keep(new TestTill(folder, server.uri(), "cafe-norr", "x-1", null));
      long before = x.eventRows();
      assertThat(before).as("killed part of the way through").isBetween(1L, 2_999L);
      x.agent.start();
      Convergence.await(
          Convergence.of(server), List.of(x), balances, 3_000, Duration.ofSeconds(90));
    }
  }

  @Test
  void everyRequestDeliveredTwiceChangesNothing() throws Exception {
    try (CentralServer server = TestServers.postgres(Postgres.newDatabase(), Map.of())) {
      FaultProxy proxy = opened.keep(new FaultProxy(server.port()));
      proxy.repeatRequests(150);
      TestTill a =
          opened.keep(
              new TestTill(
                  folder,
                  proxy.uri(),
                  "cafe-norr",
                  "twice-a",
                  server
                      .enrolment()
                      .newCode(new StoreId("cafe-norr"), new TillId("twice-a"))
                      .code()));
      TestTill b =
          opened.keep(
              new TestTill(
                  folder,
                  proxy.uri(),
                  "cafe-soder",
                  "twice-b",
                  server
                      .enrolment()
                      .newCode(new StoreId("cafe-soder"), new TillId("twice-b"))
                      .code()));
      a.agent.start();
      b.agent.start();
      UUID account = UUID.randomUUID();
      a.know(account);
      for (int i = 0; i < 40; i++) {
        a.stamp(account);
        if (i % 2 == 0) {
          b.stamp(account);
        }
        if (i % 10 == 9) {
          Thread.sleep(300);
        }
      }
      a.redeem(account, 10);
      Convergence.await(Convergence.of(server), List.of(a, b), Map.of(account, 50L), 61);
      // the repeats of the last requests have arrived by now and changed nothing
      Thread.sleep(1_000);
      Convergence.await(Convergence.of(server), List.of(a, b), Map.of(account, 50L), 61);
      assertThat(proxy.repeated()).as("requests delivered twice").isGreaterThan(20);
      assertThat(new Http(server.uri()).get("/metrics", null).body())
          .as("every event stored once, the repeats of pushes storing nothing")
          .contains("stampcard_events_ingested_total 61.0");
    }
  }

  // --- helpers ---

  /** The central server in a process of its own, on {@code port}, ready. */
  private ChildJvm serverProcess(String url, int port) throws Exception {
    ChildJvm server =
        opened.keep(
            new ChildJvm(
                "com.stampcard.server.ServerMain",
                List.of(),
                List.of(
                    "--database.url=" + url,
                    "--database.user=postgres",
                    "--database.password=postgres",
                    "--http.port=" + port,
                    "--admin.token=" + TestServers.ADMIN_TOKEN,
                    "--demoData=" + TestServers.demoData())));
    Http http = new Http(URI.create("http://127.0.0.1:" + port));
    waitUntil(
        Duration.ofSeconds(90),
        () -> {
          try {
            return http.get("/health/ready", null).status() == 200;
          } catch (RuntimeException notYet) {
            return false;
          }
        });
    return server;
  }

  private static String code(URI server, String store, String till) {
    Http.Answer a =
        new Http(server)
            .post(
                "/api/v1/admin/enrolment-codes",
                TestServers.ADMIN_TOKEN,
                Map.of("store_id", store, "till_id", till));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json().get("code").asText();
  }

  /** {@code events} stamps from two tills of the store on {@code accounts} accounts. */
  private static Map<UUID, Long> day(CentralServer server, int events, int accounts) {
    Http http = new Http(server.uri());
    String[] tills = {"day-1", "day-2"};
    String[] credentials = {
      Tills.enrol(server, "cafe-norr", tills[0]), Tills.enrol(server, "cafe-norr", tills[1])
    };
    List<UUID> customers = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      customers.add(UUID.randomUUID());
    }
    Random random = new Random(3);
    Map<UUID, Long> balances = new HashMap<>();
    long[] seq = new long[2];
    for (int sent = 0; sent < events; sent += 250) {
      int t = (sent / 250) % 2;
      List<WireEvent> batch = new ArrayList<>();
      for (int i = 0; i < 250; i++) {
        UUID c = customers.get(random.nextInt(customers.size()));
        batch.add(Tills.stamp("cafe-norr", tills[t], ++seq[t], c));
        balances.merge(c, 1L, Long::sum);
      }
      Http.Answer answer =
          http.post("/api/v1/push", credentials[t], new PushRequest(List.of(), batch));
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
    return balances;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  interface Check {
    boolean ok() throws Exception;
  }

  private static void waitUntil(Duration within, Check check) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (!check.ok()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + within);
      }
      Thread.sleep(50);
    }
  }
}
