package com.stampcard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stampcard.core.id.UuidV7Generator;
import com.stampcard.core.sync.PushRequest;
import com.stampcard.core.sync.WireAccount;
import com.stampcard.core.sync.WireEvent;
import com.stampcard.core.sync.WireIdentifier;
import com.stampcard.server.testing.AppDevice;
import com.stampcard.server.testing.Http;
import com.stampcard.server.testing.Postgres;
import com.stampcard.server.testing.SseStream;
import com.stampcard.server.testing.TestServers;
import com.stampcard.server.testing.Tills;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer's app follows its account live over server-sent events, on PostgreSQL, where a change
 * reaches the stream through the database's notifications: it is sent the balances at once and
 * after every change, follows a merge, and is refused without a ticket its linked device signed in
 * the last minute.
 */
class AppLiveIT {
  static CentralServer server;
  static Http http;
  static String till;
  static long seq;
  static final UuidV7Generator IDS = new UuidV7Generator(Clock.systemUTC());
  static final Duration WAIT = Duration.ofSeconds(10);

  @BeforeAll
  static void start() {
    server = TestServers.postgres(Postgres.newDatabase(), Map.of());
    http = new Http(server.uri());
    till = Tills.enrol(server, "cafe-norr", "app-till");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anAppIsSentItsBalancesAtOnceAndAfterEveryStamp() throws Exception {
    AppDevice phone = new AppDevice();
    UUID account = IDS.next();
    push(List.of(account(account, phone.identifier(Instant.now()))), stamps(account, 2));
    URI live =
        server
            .uri()
            .resolve(
                "/api/v1/app/accounts/"
                    + account
                    + "/live?ticket="
                    + phone.ticket(account, Instant.now()));
    try (SseStream app = new SseStream(live, Map.of())) {
      assertThat(units(app.next(e -> e.name().equals("balances"), WAIT))).isEqualTo(2);
      push(List.of(), stamps(account, 1));
      assertThat(units(app.next(e -> e.name().equals("balances"), WAIT))).isEqualTo(3);
      // another customer's stamp sends this app nothing
      UUID other = IDS.next();
      push(List.of(account(other)), stamps(other, 1));
      push(List.of(), stamps(account, 1));
      assertThat(units(app.next(e -> e.name().equals("balances"), WAIT))).isEqualTo(4);
    }
  }

  @Test
  void anAppFollowsTheAccountItsAccountWasMergedInto() throws Exception {
    AppDevice phone = new AppDevice();
    UUID older = IDS.next();
    UUID younger = IDS.next();
    String card = "2955500011122";
    Instant at = Instant.now();
    push(List.of(account(younger, phone.identifier(at), card(card, at))), stamps(younger, 2));
    try (SseStream app = follow(younger, phone, phone.ticket(younger, Instant.now()))) {
      assertThat(units(app.next(e -> e.name().equals("balances"), WAIT))).isEqualTo(2);
      // the older account claims the card: the younger is merged into it, with its balance
      push(List.of(account(older, card(card, at))), stamps(older, 3));
      SseStream.Event merged = app.next(e -> units(e) == 5, WAIT);
      assertThat(merged).isNotNull();
      assertThat(json(merged).get("root_account_id").asText()).isEqualTo(older.toString());
      push(List.of(), stamps(older, 1));
      assertThat(app.next(e -> units(e) == 6, WAIT)).isNotNull();
    }
  }

  @Test
  void aTicketThatDoesNotHoldIsRefused() throws Exception {
    AppDevice phone = new AppDevice();
    AppDevice stranger = new AppDevice();
    UUID account = IDS.next();
    UUID another = IDS.next();
    push(
        List.of(account(account, phone.identifier(Instant.now())), account(another)),
        stamps(account, 1));
    assertRefused(account, null);
    assertRefused(account, "not-a-ticket");
    assertRefused(account, stranger.ticket(account, Instant.now()));
    assertRefused(account, phone.ticket(account, Instant.now().minusSeconds(120)));
    assertRefused(another, phone.ticket(account, Instant.now()));
    assertRefused(another, phone.ticket(another, Instant.now()));
    String good = phone.ticket(account, Instant.now());
    char[] tampered = good.toCharArray();
    tampered[tampered.length - 5] = tampered[tampered.length - 5] == 'A' ? 'B' : 'A';
    assertRefused(account, new String(tampered));
    // and the good one, in the header, is let in
    try (SseStream app = follow(account, phone, good)) {
      assertThat(units(app.next(e -> e.name().equals("balances"), WAIT))).isEqualTo(1);
    }
  }

  @Test
  void aRevokedDeviceIsRefusedAndToldItWasRemoved() throws Exception {
    AppDevice phone = new AppDevice();
    UUID account = IDS.next();
    Instant at = Instant.now();
    push(List.of(account(account, phone.identifier(at))), stamps(account, 1));
    WireIdentifier linked = phone.identifier(at);
    WireIdentifier revoked =
        new WireIdentifier(
            linked.kind(), linked.value(), linked.publicKey(), linked.linkedAt(), at.toString());
    push(List.of(account(account, revoked)), List.of());
    // signed by the removed phone's own key: 403 with the key the app turns into "removed"
    try (SseStream app = follow(account, phone, phone.ticket(account, Instant.now()))) {
      assertThat(app.status(WAIT)).isEqualTo(403);
      assertThat(Http.JSON.readTree(app.problemBody(WAIT)).get("message_key").asText())
          .isEqualTo("app.phone-removed");
    }
    // a phone never linked to the account still gets the plain 401
    assertRefused(account, new AppDevice().ticket(account, Instant.now()));
  }

  // --- helpers ---

  private static SseStream follow(UUID account, AppDevice phone, String ticket) {
    return new SseStream(
        server.uri().resolve("/api/v1/app/accounts/" + account + "/live"),
        Map.of("Authorization", "Stampcard-Device " + ticket));
  }

  private static void assertRefused(UUID account, String ticket) throws Exception {
    try (SseStream app =
        new SseStream(
            server.uri().resolve("/api/v1/app/accounts/" + account + "/live"),
            ticket == null ? Map.of() : Map.of("Authorization", "Stampcard-Device " + ticket))) {
      assertThat(app.status(WAIT)).as(String.valueOf(ticket)).isEqualTo(401);
      assertThat(Http.JSON.readTree(app.problemBody(WAIT)).get("detail").asText()).isNotBlank();
    }
  }

  private static WireIdentifier card(String value, Instant at) {
    return new WireIdentifier("PRINTED_CARD", value, null, at.toString(), null);
  }

  private static WireAccount account(UUID id, WireIdentifier... identifiers) {
    List<WireIdentifier> list = new ArrayList<>();
    for (WireIdentifier i : identifiers) {
      if (i != null) {
        list.add(i);
      }
    }
    return new WireAccount(
        id, Instant.now().minusSeconds(60).toString(), "cafe-norr", "ACTIVE", null, list);
  }

  private static synchronized List<WireEvent> stamps(UUID account, int n) {
    List<WireEvent> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Tills.stamp("cafe-norr", "app-till", ++seq, account));
    }
    return out;
  }

  private static synchronized void push(List<WireAccount> accounts, List<WireEvent> events) {
    Http.Answer a = http.post("/api/v1/push", till, new PushRequest(accounts, events));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }

  private static JsonNode json(SseStream.Event e) {
    try {
      return Http.JSON.readTree(e.data());
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }

  private static long units(SseStream.Event e) {
    assertThat(e).as("a balances event").isNotNull();
    JsonNode balances = json(e).get("balances");
    for (JsonNode b : balances) {
      if (b.get("program_id").asText().equals("coffee-card")) {
        return b.get("units").asLong();
      }
    }
    return 0;
  }
}
