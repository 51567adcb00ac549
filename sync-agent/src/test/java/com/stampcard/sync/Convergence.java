package com.stampcard.sync;

import com.stampcard.server.CentralServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the fault tests check after every scenario: the server and every till hold the same events,
 * each exactly once, and the same balances.
 */
final class Convergence {
  private Convergence() {}

  /** The server's side, read from its database. */
  interface ServerReads {
    Set<UUID> events() throws SQLException;

    long balance(UUID account) throws SQLException;
  }

  static ServerReads of(CentralServer server) {
    return new ServerReads() {
      @Override
      public Set<UUID> events() {
        return server.database().read(Convergence::readEvents);
      }

      @Override
      public long balance(UUID account) {
        return server.database().read(c -> readBalance(c, account));
      }
    };
  }

  /** A server in another process: its PostgreSQL database, read directly. */
  static ServerReads ofDatabase(String url) {
    return new ServerReads() {
      @Override
      public Set<UUID> events() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
          return readEvents(c);
        }
      }

      @Override
      public long balance(UUID account) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
          return readBalance(c, account);
        }
      }
    };
  }

  private static Set<UUID> readEvents(Connection c) throws SQLException {
    Set<UUID> ids = new HashSet<>();
    try (PreparedStatement s = c.prepareStatement("SELECT event_id FROM ledger_event");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        ids.add(r.getObject(1, UUID.class));
      }
    }
    return ids;
  }

  private static long readBalance(Connection c, UUID account) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT units FROM balance WHERE account_id = ? AND program_id = 'coffee-card'")) {
      s.setObject(1, account);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getLong(1) : 0L;
      }
    }
  }

  /**
   * Waits until the server and every till hold the same events, {@code events} of them, each once,
   * and the balances given.
   */
  static void await(ServerReads server, List<TestTill> tills, Map<UUID, Long> balances, int events)
      throws Exception {
    await(server, tills, balances, events, Duration.ofSeconds(30));
  }

  static void await(
      ServerReads server,
      List<TestTill> tills,
      Map<UUID, Long> balances,
      int events,
      Duration within)
      throws Exception {
    Instant deadline = Instant.now().plus(within);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      Set<UUID> onServer = server.events();
      boolean same = onServer.size() == events;
      Map<String, Object> seen = new HashMap<>();
      seen.put("server events", onServer.size());
      for (TestTill t : tills) {
        Set<UUID> ids = t.eventIds();
        seen.put(t.till + " events", ids.size());
        same &= ids.equals(onServer) && t.eventRows() == events;
      }
      for (Map.Entry<UUID, Long> e : balances.entrySet()) {
        long s = server.balance(e.getKey());
        seen.put("server balance", s);
        same &= s == e.getValue();
        for (TestTill t : tills) {
          long b = t.balance(e.getKey());
          seen.put(t.till + " balance", b);
          same &= b == e.getValue();
        }
      }
      if (same) {
        return;
      }
      last = seen.toString();
      Thread.sleep(100);
    }
    throw new AssertionError("not converged in " + within + ": " + last);
  }
}
