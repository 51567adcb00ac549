package com.stampcard.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stampcard.core.account.Identifier;
import com.stampcard.core.code.IdentifierKind;
import com.stampcard.core.id.UuidV7Generator;
import com.stampcard.core.till.StampOutcome;
import com.stampcard.server.CentralServer;
import com.stampcard.server.testing.AppDevice;
import com.stampcard.server.testing.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lost phone removed from its account in the app: once the till has synced, the till refuses the
 * phone's codes, while the customer's other phone still gets its stamps.
 */
class RevokedPhoneIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path folder;

  @Test
  void aRemovedPhoneIsRefusedAtTheTillAfterTheNextSync() throws Exception {
    try (CentralServer server = TestServers.h2(folder.resolve("server"), Map.of())) {
      try (TestTill till = TestTill.enrolledWith(server, folder, "cafe-norr", "till-1")) {
        till.agent.start();
        AppDevice lost = new AppDevice();
        AppDevice kept = new AppDevice();
        UUID account = new UuidV7Generator(Clock.systemUTC()).next();
        URI base = server.uri();

        // the first phone registers, and its owner makes an account of it
        post(
            base,
            "/api/v1/app/devices",
            Map.of("code", lost.appCode(account, Instant.now(), true)),
            null);
        Map<String, String> login =
            Map.of(
                "email", "lost@example.com",
                "password", "a long enough password",
                "code", lost.appCode(account, Instant.now(), true));
        assertThat(post(base, "/api/v1/app/account/register", login, null).statusCode())
            .isEqualTo(202);
        // the second phone logs in: it joins the account
        HttpResponse<String> second =
            post(
                base,
                "/api/v1/app/account/login",
                Map.of(
                    "email", "lost@example.com",
                    "password", "a long enough password",
                    "code", kept.appCode(UUID.randomUUID(), Instant.now(), true)),
                null);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(second.body());
        assertThat(answer.get("account_id").asText()).isEqualTo(account.toString());
        String cookie = second.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        // the till has synced both phones: both are stamped
        Counter counter = new Counter(till);
        // (codes two steps old: the later ones use steps of their own, each slot is spent once)
        awaitStamped(counter, () -> lost.appCode(account, Instant.now().minusSeconds(60), false));
        awaitStamped(counter, () -> kept.appCode(account, Instant.now().minusSeconds(60), false));

        // the first phone is lost: removed from the account on the second
        HttpResponse<String> revoked =
            HTTP.send(
                HttpRequest.newBuilder(
                        base.resolve("/api/v1/app/account/devices/" + lost.keyId.hex() + "/revoke"))
                    .header("Cookie", cookie)
                    .header("X-CSRF-Token", answer.get("csrf").asText())
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
        // without the session's CSRF token nothing is removed
        HttpResponse<String> forged =
            HTTP.send(
                HttpRequest.newBuilder(
                        base.resolve("/api/v1/app/account/devices/" + kept.keyId.hex() + "/revoke"))
                    .header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);

        // after the till's next sync the lost phone's codes are refused; the kept one still works
        awaitRevokedAtTill(till, lost);
        StampOutcome refused = counter.stamp(lost.appCode(account, Instant.now(), false));
        assertThat(refused).isInstanceOf(StampOutcome.Refused.class);
        assertThat(((StampOutcome.Refused) refused).messageKey())
            .isEqualTo("lookup.identifier-revoked");
        assertThat(counter.stamp(kept.appCode(account, Instant.now(), false)))
            .isInstanceOf(StampOutcome.Given.class);
      }
    }
  }

  /**
   * Stamps a fresh code until the till knows the phone (before its sync the till has no key for a
   * steady code, and refuses it without spending the code's slot).
   */
  private static void awaitStamped(Counter till, Supplier<String> code)
      throws InterruptedException {
    StampOutcome outcome = till.stamp(code.get());
    for (int i = 0; i < 300 && !(outcome instanceof StampOutcome.Given); i++) {
      Thread.sleep(100);
      outcome = till.stamp(code.get());
    }
    assertThat(outcome).isInstanceOf(StampOutcome.Given.class);
  }

  /** Waits until the till has pulled the phone's removal. */
  private static void awaitRevokedAtTill(TestTill till, AppDevice phone)
      throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      boolean revoked =
          till.db
              .tillStore()
              .inTransaction(
                  tx ->
                      tx.findIdentifier(IdentifierKind.APP_DEVICE, phone.keyId.hex())
                          .map(Identifier::revoked)
                          .orElse(false));
      if (revoked) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the till never pulled the phone's removal");
  }

  private static HttpResponse<String> post(URI base, String path, Object body, String cookie)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
