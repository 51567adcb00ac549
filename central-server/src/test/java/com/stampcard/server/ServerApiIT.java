package com.stampcard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stampcard.core.sync.PushRequest;
import com.stampcard.core.sync.SpendRequest;
import com.stampcard.core.sync.WireEvent;
import com.stampcard.server.testing.Http;
import com.stampcard.server.testing.TestServers;
import com.stampcard.server.testing.Tills;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over real HTTP on loopback, on the server's embedded H2 default: health, problem+json for
 * every error, limits, enrolment, credentials and their scope, idempotent push, online spend.
 */
class ServerApiIT {
  @TempDir static Path folder;
  static CentralServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = TestServers.h2(folder, Map.of("http.maxRequestBytes", "65536"));
    http = new Http(server.uri());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static long events() {
    return server
        .database()
        .read(
            c -> {
              try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM ledger_event");
                  ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
              }
            });
  }

  private static void assertProblem(Http.Answer a, int status) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.isProblem()).as(a.contentType()).isTrue();
    JsonNode p = a.json();
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("detail").asText()).isNotBlank();
  }

  @Test
  void healthReadinessAndMetricsAnswer() {
    assertThat(http.get("/health/live", null).status()).isEqualTo(200);
    Http.Answer ready = http.get("/health/ready", null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("database").asText()).isEqualTo("UP");
    http.get("/health/live", null);
    Http.Answer metrics = http.get("/metrics", null);
    assertThat(metrics.body()).contains("stampcard_http_requests_seconds_count").contains("jvm_");
  }

  @Test
  void unknownRoutesAndMissingCredentialsAreProblems() {
    assertProblem(http.get("/api/v1/nothing-here", null), 404);
    assertProblem(http.get("/api/v1/changes", null), 401);
    assertProblem(http.get("/api/v1/changes", "stc1.till-x.AAAA"), 401);
    assertProblem(http.get("/api/v1/changes", "stc1.till-x." + "A".repeat(43)), 401);
    assertProblem(http.post("/api/v1/admin/enrolment-codes", "wrong", Map.of()), 401);
  }

  @Test
  void anEnrolmentCodeWorksOnce() {
    Http.Answer code =
        http.post(
            "/api/v1/admin/enrolment-codes",
            TestServers.ADMIN_TOKEN,
            Map.of("store_id", "cafe-norr", "till_id", "once-1"));
    assertThat(code.status()).isEqualTo(201);
    String text = code.json().get("code").asText();
    Http.Answer first = http.post("/api/v1/enrolment", null, Map.of("code", text));
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().get("till_id").asText()).isEqualTo("once-1");
    assertProblem(http.post("/api/v1/enrolment", null, Map.of("code", text)), 409);
    assertProblem(http.post("/api/v1/enrolment", null, Map.of("code", "AAAA-BBBB-CCCC")), 404);
    assertProblem(http.post("/api/v1/enrolment", null, Map.of("code", "no")), 400);
    // the credential from the first enrolment works
    String credential = first.json().get("credential").asText();
    assertThat(http.get("/api/v1/changes", credential).status()).isEqualTo(200);
  }

  @Test
  void malformedAndOversizedPushesAreRefusedAndStoreNothing() {
    String credential = Tills.enrol(server, "cafe-norr", "bad-1");
    long before = events();
    assertProblem(http.post("/api/v1/push", credential, "{not json"), 400);
    assertProblem(http.post("/api/v1/push", credential, "{\"events\": [], \"extra\": 1}"), 400);
    WireEvent good = Tills.stamp("cafe-norr", "bad-1", 1, UUID.randomUUID());
    WireEvent negativeStamp = Tills.event("cafe-norr", "bad-1", 2, UUID.randomUUID(), "STAMP", -3);
    Http.Answer invalid =
        http.post(
            "/api/v1/push", credential, new PushRequest(List.of(), List.of(good, negativeStamp)));
    assertProblem(invalid, 400);
    assertThat(invalid.json().get("errors").get(0).get("field").asText()).startsWith("events[1]");
    byte[] huge = ("{\"events\": [" + "{},".repeat(40_000) + "{}]}").getBytes();
    assertProblem(http.postBytes("/api/v1/push", credential, huge), 413);
    assertThat(events()).isEqualTo(before);
  }

  @Test
  void aTillMayPushOnlyItsOwnEvents() {
    String credential = Tills.enrol(server, "cafe-norr", "own-1");
    long before = events();
    WireEvent forged = Tills.stamp("cafe-norr", "someone-else", 1, UUID.randomUUID());
    assertProblem(
        http.post("/api/v1/push", credential, new PushRequest(List.of(), List.of(forged))), 403);
    WireEvent otherStore = Tills.stamp("cafe-soder", "own-1", 1, UUID.randomUUID());
    assertProblem(
        http.post("/api/v1/push", credential, new PushRequest(List.of(), List.of(otherStore))),
        403);
    assertThat(events()).isEqualTo(before);
  }

  @Test
  void aRevokedTillIsRefused() {
    String credential = Tills.enrol(server, "cafe-norr", "revoked-1");
    assertThat(http.get("/api/v1/changes", credential).status()).isEqualTo(200);
    assertThat(
            http.post("/api/v1/admin/tills/revoked-1/revoke", TestServers.ADMIN_TOKEN, "").status())
        .isEqualTo(204);
    long before = events();
    assertProblem(http.get("/api/v1/changes", credential), 401);
    WireEvent e = Tills.stamp("cafe-norr", "revoked-1", 1, UUID.randomUUID());
    assertProblem(
        http.post("/api/v1/push", credential, new PushRequest(List.of(), List.of(e))), 401);
    assertThat(events()).isEqualTo(before);
  }

  @Test
  void pushIsIdempotentAndAcknowledgesOnlyContiguousEvents() {
    String credential = Tills.enrol(server, "cafe-norr", "seq-1");
    UUID account = UUID.randomUUID();
    WireEvent one = Tills.stamp("cafe-norr", "seq-1", 1, account);
    WireEvent two = Tills.stamp("cafe-norr", "seq-1", 2, account);
    WireEvent three = Tills.stamp("cafe-norr", "seq-1", 3, account);
    WireEvent four = Tills.stamp("cafe-norr", "seq-1", 4, account);
    Http.Answer first =
        http.post("/api/v1/push", credential, new PushRequest(List.of(), List.of(one, two)));
    assertThat(first.json().get("acked_seq").asLong()).isEqualTo(2);
    assertThat(first.json().get("inserted").asInt()).isEqualTo(2);
    Http.Answer again =
        http.post("/api/v1/push", credential, new PushRequest(List.of(), List.of(two, one)));
    assertThat(again.json().get("acked_seq").asLong()).isEqualTo(2);
    assertThat(again.json().get("inserted").asInt()).isZero();
    // out of order: 4 before 3
    Http.Answer gap =
        http.post("/api/v1/push", credential, new PushRequest(List.of(), List.of(four)));
    assertThat(gap.json().get("acked_seq").asLong()).isEqualTo(2);
    Http.Answer filled =
        http.post("/api/v1/push", credential, new PushRequest(List.of(), List.of(three)));
    assertThat(filled.json().get("acked_seq").asLong()).isEqualTo(4);
    // the same place with another event, or the same id with other content: refused
    WireEvent impostor = Tills.stamp("cafe-norr", "seq-1", 3, account);
    assertProblem(
        http.post("/api/v1/push", credential, new PushRequest(List.of(), List.of(impostor))), 409);
    WireEvent changed =
        new WireEvent(
            one.eventId(),
            account,
            "coffee-card",
            1,
            "STAMP",
            5L,
            "cafe-norr",
            "seq-1",
            1L,
            "anna",
            one.occurredAt(),
            1L,
            "SCANNER",
            null,
            null,
            null,
            List.of());
    assertProblem(
        http.post("/api/v1/push", credential, new PushRequest(List.of(), List.of(changed))), 409);
  }

  @Test
  void anOnlineRedemptionIsConditionalAndIdempotent() {
    String credential = Tills.enrol(server, "cafe-norr", "spend-1");
    UUID account = UUID.randomUUID();
    List<WireEvent> stamps = new java.util.ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      stamps.add(Tills.stamp("cafe-norr", "spend-1", i, account));
    }
    assertThat(http.post("/api/v1/push", credential, new PushRequest(List.of(), stamps)).status())
        .isEqualTo(200);
    WireEvent redeem = Tills.event("cafe-norr", "spend-1", 11, account, "REDEEM", -10);
    WireEvent unsequenced =
        new WireEvent(
            redeem.eventId(),
            account,
            "coffee-card",
            1,
            "REDEEM",
            -10L,
            "cafe-norr",
            "spend-1",
            null,
            "anna",
            redeem.occurredAt(),
            11L,
            "SCANNER",
            null,
            null,
            null,
            List.of());
    Http.Answer first = http.post("/api/v1/redemptions", credential, new SpendRequest(unsequenced));
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().get("units_left").asLong()).isZero();
    Http.Answer repeat =
        http.post("/api/v1/redemptions", credential, new SpendRequest(unsequenced));
    assertThat(repeat.status()).isEqualTo(200);
    WireEvent second =
        new WireEvent(
            UUID.randomUUID(),
            account,
            "coffee-card",
            1,
            "REDEEM",
            -10L,
            "cafe-norr",
            "spend-1",
            null,
            "anna",
            redeem.occurredAt(),
            12L,
            "SCANNER",
            null,
            null,
            null,
            List.of());
    Http.Answer declined = http.post("/api/v1/redemptions", credential, new SpendRequest(second));
    assertProblem(declined, 409);
    assertThat(declined.json().get("message_key").asText()).isEqualTo("redeem.already-spent");
    // the till records the first one: its hold is settled, the balance is 0, nothing overdrawn
    assertThat(
            http.post("/api/v1/push", credential, new PushRequest(List.of(), List.of(redeem)))
                .status())
        .isEqualTo(200);
    long holds =
        server
            .database()
            .read(
                c -> {
                  try (PreparedStatement s =
                          c.prepareStatement("SELECT COUNT(*) FROM online_spend");
                      ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                  }
                });
    assertThat(holds).isZero();
    assertThat(http.get("/api/v1/overdrafts", credential).json()).isEmpty();
  }
}
