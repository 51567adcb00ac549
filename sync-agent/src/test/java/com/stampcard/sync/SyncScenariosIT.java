package com.stampcard.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.server.CentralServer;
import com.stampcard.server.testing.Postgres;
import com.stampcard.server.testing.TestServers;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tills with embedded agents against a real central server on a real PostgreSQL, over real HTTP on
 * loopback through a proxy that cuts the network. After every scenario all tills and the server
 * hold the same balances, with every event present exactly once.
 */
class SyncScenariosIT {
  @TempDir Path folder;
  private final Opened opened = new Opened();

  @AfterEach
  void closeAll() throws Exception {
    opened.closeAll();
  }

  private CentralServer server(String url) {
    return opened.keep(TestServers.postgres(url, Map.of()));
  }

  private TestTill till(CentralServer server, java.net.URI via, String store, String till)
      throws Exception {
    String code = server.enrolment().newCode(new StoreId(store), new TillId(till)).code();
    TestTill t = opened.keep(new TestTill(folder, via, store, till, code));
    t.agent.start();
    return t;
  }

  @Test
  void twoTillsStampingTheSameAccountAtOnceLoseNothing() throws Exception {
    CentralServer server = server(Postgres.newDatabase());
    TestTill a = till(server, server.uri(), "cafe-norr", "norr-1");
    TestTill b = till(server, server.uri(), "cafe-norr", "norr-2");
    UUID account = UUID.randomUUID();
    a.know(account);
    b.know(account);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> work = new ArrayList<>();
    for (TestTill t : List.of(a, b)) {
      work.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < 25; i++) {
                  t.stamp(account);
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    awaitConverged(server, List.of(a, b), Map.of(account, 50L), 50);
  }

  @Test
  void aNetworkCutDelaysSyncAndLosesNothing() throws Exception {
    CentralServer server = server(Postgres.newDatabase());
    FaultProxy proxy = opened.keep(new FaultProxy(server.port()));
    TestTill a = till(server, proxy.uri(), "cafe-norr", "cut-1");
    TestTill b = till(server, proxy.uri(), "cafe-norr", "cut-2");
    UUID account = UUID.randomUUID();
    a.know(account);
    a.stamp(account);
    awaitConverged(server, List.of(a, b), Map.of(account, 1L), 1);

    proxy.cut();
    for (int i = 0; i < 5; i++) {
      a.stamp(account);
      b.stamp(account);
    }
    waitUntil(
        Duration.ofSeconds(10),
        () -> a.agent.status().eventsWaiting() == 5 && a.agent.status().lastError().isPresent());
    assertThat(a.agent.status().online()).isFalse();
    assertThat(Convergence.of(server).events()).hasSize(1);

    proxy.delay(20);
    proxy.restore();
    awaitConverged(server, List.of(a, b), Map.of(account, 11L), 11);
    waitUntil(Duration.ofSeconds(10), () -> a.agent.status().lastError().isEmpty());
    assertThat(a.agent.status().eventsWaiting()).isZero();
  }

  @Test
  void oneFullCardRedeemedAtTwoOfflineTillsIsKeptTwiceAndFlaggedOnce() throws Exception {
    CentralServer server = server(Postgres.newDatabase());
    FaultProxy proxy = opened.keep(new FaultProxy(server.port()));
    TestTill a = till(server, proxy.uri(), "cafe-norr", "red-1");
    TestTill b = till(server, proxy.uri(), "cafe-norr", "red-2");
    UUID account = UUID.randomUUID();
    a.know(account);
    for (int i = 0; i < 10; i++) {
      a.stamp(account);
    }
    awaitConverged(server, List.of(a, b), Map.of(account, 10L), 10);

    proxy.cut();
    a.redeem(account, 10);
    b.redeem(account, 10);
    assertThat(a.balance(account)).isZero();
    assertThat(b.balance(account)).isZero();
    proxy.restore();

    awaitConverged(server, List.of(a, b), Map.of(account, -10L), 12);
    waitUntil(
        Duration.ofSeconds(15),
        () -> a.agent.overdrafts().size() == 1 && b.agent.overdrafts().size() == 1);
    Overdraft flagged = a.agent.overdrafts().get(0);
    assertThat(flagged.account()).isEqualTo(account);
    assertThat(flagged.unitsAfter()).isEqualTo(-10);
    assertThat(b.agent.overdrafts().get(0).eventId()).isEqualTo(flagged.eventId());
    assertThat(serverCount(server, "SELECT COUNT(*) FROM overdraft_review")).isEqualTo(1);
  }

  @Test
  void aServerStoppedAndStartedAgainWhileTillsStampLosesNothing() throws Exception {
    String url = Postgres.newDatabase();
    CentralServer first = TestServers.postgres(url, Map.of());
    int port = first.port();
    FaultProxy proxy = opened.keep(new FaultProxy(port));
    TestTill a = till(first, proxy.uri(), "cafe-norr", "restart-1");
    TestTill b = till(first, proxy.uri(), "cafe-norr", "restart-2");
    UUID account = UUID.randomUUID();
    a.know(account);
    for (int i = 0; i < 30; i++) {
      a.stamp(account);
      b.stamp(account);
    }
    first.close();
    for (int i = 0; i < 10; i++) {
      a.stamp(account);
    }
    CentralServer second =
        opened.keep(TestServers.postgres(url, Map.of("http.port", Integer.toString(port))));
    awaitConverged(second, List.of(a, b), Map.of(account, 70L), 70);
  }

  @Test
  void aRepeatedPushAndARepeatedPageChangeNothing() throws Exception {
    CentralServer server = server(Postgres.newDatabase());
    TestTill a = till(server, server.uri(), "cafe-norr", "dup-1");
    TestTill b = till(server, server.uri(), "cafe-norr", "dup-2");
    UUID account = UUID.randomUUID();
    a.know(account);
    for (int i = 0; i < 7; i++) {
      a.stamp(account);
    }
    awaitConverged(server, List.of(a, b), Map.of(account, 7L), 7);

    // The till forgets the server's acknowledgement (killed before it saved it) and the page
    // cursor (killed mid-apply, before the transaction committed): everything comes again.
    TillReplica replicaA = new TillReplica(dataSource(a));
    replicaA.setAcked(0);
    TillReplica replicaB = new TillReplica(dataSource(b));
    replicaB.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("UPDATE sync_state SET pull_cursor = '' WHERE id = 1")) {
            return s.executeUpdate();
          }
        });
    a.agent.wake();
    b.agent.wake();
    waitUntil(Duration.ofSeconds(10), () -> a.agent.status().eventsWaiting() == 0);
    Thread.sleep(1500);
    awaitConverged(server, List.of(a, b), Map.of(account, 7L), 7);
    assertThat(a.eventRows()).isEqualTo(7);
    assertThat(b.eventRows()).isEqualTo(7);
  }

  @Test
  void twoServerInstancesOnOneDatabaseServeTillsSpreadOverBoth() throws Exception {
    String url = Postgres.newDatabase();
    CentralServer one = server(url);
    CentralServer two = server(url);
    TestTill a = till(one, one.uri(), "cafe-norr", "pair-1");
    TestTill b = till(two, two.uri(), "cafe-norr", "pair-2");
    TestTill c = till(one, two.uri(), "cafe-soder", "pair-3");
    UUID account = UUID.randomUUID();
    a.know(account);
    for (int i = 0; i < 5; i++) {
      a.stamp(account);
      b.stamp(account);
      c.stamp(account);
    }
    awaitConverged(one, List.of(a, b, c), Map.of(account, 15L), 15);
    // a stamp through one instance reaches a till of the other live, well before any poll
    Instant before = Instant.now();
    a.stamp(account);
    waitUntil(Duration.ofSeconds(5), () -> b.balance(account) == 16);
    assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(3));
  }

  // --- convergence ---

  private static javax.sql.DataSource dataSource(TestTill t) {
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL(com.stampcard.store.StoreDatabase.h2Url(t.file));
    ds.setUser("sa");
    ds.setPassword("");
    return ds;
  }

  private static void awaitConverged(
      CentralServer server, List<TestTill> tills, Map<UUID, Long> balances, int events)
      throws Exception {
    Convergence.await(Convergence.of(server), tills, balances, events);
  }

  private static long serverCount(CentralServer server, String sql) {
    return server
        .database()
        .read(
            c -> {
              try (PreparedStatement s = c.prepareStatement(sql);
                  ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
              }
            });
  }

  interface Check {
    boolean ok() throws Exception;
  }

  private static void waitUntil(Duration within, Check check) throws Exception {
    Instant deadline = Instant.now().plus(within);
    while (!check.ok()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not met within " + within);
      }
      Thread.sleep(50);
    }
  }
}
