package com.stampcard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stampcard.core.sync.PushRequest;
import com.stampcard.core.sync.WireEvent;
import com.stampcard.server.testing.Http;
import com.stampcard.server.testing.Postgres;
import com.stampcard.server.testing.TestServers;
import com.stampcard.server.testing.Tills;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A transaction that took its feed position first but commits last is never passed over by a
 * cursor, on PostgreSQL. With a cursor of "every position after X" this test fails: the late
 * event's position lies behind the cursor by the time it commits.
 */
class CommitSafeCursorIT {
  @Test
  void aLateCommittingTransactionIsNeverSkipped() throws Exception {
    String url = Postgres.newDatabase();
    try (CentralServer server = TestServers.postgres(url, Map.of())) {
      Http http = new Http(server.uri());
      Tills.enrol(server, "cafe-norr", "slow-1");
      String fast = Tills.enrol(server, "cafe-norr", "fast-1");
      String reader = Tills.enrol(server, "cafe-norr", "reader-1");
      UUID account = UUID.randomUUID();
      UUID late = UUID.randomUUID();
      Set<String> seen = new HashSet<>();
      try (Connection slow = DriverManager.getConnection(url, "postgres", "postgres")) {
        slow.setAutoCommit(false);
        try (PreparedStatement s =
            slow.prepareStatement(
                "INSERT INTO ledger_event (event_id, account_id, program_id, program_version,"
                    + " type, quantity, store_id, till_id, till_seq, cashier_id, occurred_at, hlc,"
                    + " flags) VALUES (?, ?, 'coffee-card', 1, 'STAMP', 1, 'cafe-norr', 'slow-1',"
                    + " 1, 'anna', ?, 1, '')")) {
          s.setObject(1, late);
          s.setObject(2, account);
          s.setObject(3, OffsetDateTime.now());
          s.executeUpdate();
        }
        // a later transaction takes a later position and commits first
        WireEvent early = Tills.stamp("cafe-norr", "fast-1", 1, account);
        assertThat(
                http.post("/api/v1/push", fast, new PushRequest(List.of(), List.of(early)))
                    .status())
            .isEqualTo(200);
        JsonNode page = http.get("/api/v1/changes", reader).json();
        page.get("events").forEach(e -> seen.add(e.get("event_id").asText()));
        assertThat(seen)
            .as("nothing past an open transaction is handed out")
            .doesNotContain(early.eventId().toString());
        String cursor = page.get("cursor").asText();
        slow.commit();
        JsonNode next =
            http.get(
                    "/api/v1/changes?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8),
                    reader)
                .json();
        next.get("events").forEach(e -> seen.add(e.get("event_id").asText()));
        assertThat(seen).contains(late.toString(), early.eventId().toString());
      }
    }
  }

  @Test
  void manyConcurrentPushesReachAReaderExactlyOnce() throws Exception {
    String url = Postgres.newDatabase();
    try (CentralServer server = TestServers.postgres(url, Map.of("sync.pullPageSize", "10"))) {
      Http http = new Http(server.uri());
      String reader = Tills.enrol(server, "cafe-norr", "reader-2");
      int tills = 4;
      int perTill = 30;
      List<Thread> pushers = new java.util.ArrayList<>();
      Set<String> pushed = java.util.concurrent.ConcurrentHashMap.newKeySet();
      for (int t = 0; t < tills; t++) {
        String till = "push-" + t;
        String credential = Tills.enrol(server, "cafe-norr", till);
        pushers.add(
            new Thread(
                () -> {
                  for (int i = 1; i <= perTill; i++) {
                    WireEvent e = Tills.stamp("cafe-norr", till, i, UUID.randomUUID());
                    pushed.add(e.eventId().toString());
                    http.post("/api/v1/push", credential, new PushRequest(List.of(), List.of(e)));
                  }
                }));
      }
      pushers.forEach(Thread::start);
      List<String> received = new java.util.ArrayList<>();
      String cursor = "";
      boolean writing = true;
      while (writing || received.size() < tills * perTill) {
        writing = pushers.stream().anyMatch(Thread::isAlive);
        JsonNode page =
            http.get(
                    "/api/v1/changes?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8),
                    reader)
                .json();
        page.get("events").forEach(e -> received.add(e.get("event_id").asText()));
        cursor = page.get("cursor").asText();
        if (!writing && !page.get("more").asBoolean() && received.size() < tills * perTill) {
          break;
        }
      }
      assertThat(received).hasSize(tills * perTill).doesNotHaveDuplicates();
      assertThat(new HashSet<>(received)).isEqualTo(pushed);
    }
  }
}
