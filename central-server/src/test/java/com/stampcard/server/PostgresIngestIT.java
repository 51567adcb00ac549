package com.stampcard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.id.UuidV7Generator;
import com.stampcard.core.sync.PushRequest;
import com.stampcard.core.sync.WireAccount;
import com.stampcard.core.sync.WireEvent;
import com.stampcard.core.sync.WireIdentifier;
import com.stampcard.server.testing.Http;
import com.stampcard.server.testing.Postgres;
import com.stampcard.server.testing.TestServers;
import com.stampcard.server.testing.Tills;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The push path on PostgreSQL, where it differs from H2: events go in by COPY, balances by one
 * upsert, new accounts and identifiers by ON CONFLICT DO NOTHING, and merges take the merge lock
 * exclusively (docs/decisions/0404-ingest-locking.md).
 */
class PostgresIngestIT {
  static CentralServer server;
  static Http http;
  static final UuidV7Generator IDS = new UuidV7Generator(Clock.systemUTC());

  @BeforeAll
  static void start() {
    server = TestServers.postgres(Postgres.newDatabase(), Map.of());
    http = new Http(server.uri());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void oneCardOpenedAtTwoOfflineTillsMergesTheYoungerAccountIntoTheOlder() {
    String a = Tills.enrol(server, "cafe-norr", "merge-a");
    String b = Tills.enrol(server, "cafe-norr", "merge-b");
    UUID older = IDS.next();
    UUID younger = IDS.next();
    String card = "2912345678901";
    List<WireEvent> atA = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      atA.add(Tills.stamp("cafe-norr", "merge-a", i, older));
    }
    List<WireEvent> atB = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      atB.add(Tills.stamp("cafe-norr", "merge-b", i, younger));
    }
    // the younger account arrives first: the merge happens when the older one claims the card
    assertThat(push(b, account(younger, card), atB)).isEqualTo(200);
    assertThat(push(a, account(older, card), atA)).isEqualTo(200);

    assertThat(text("SELECT status FROM account WHERE id = ?", younger)).isEqualTo("MERGED");
    assertThat(text("SELECT merged_into::text FROM account WHERE id = ?", younger))
        .isEqualTo(older.toString());
    assertThat(
            text(
                "SELECT account_id::text FROM identifier WHERE kind = 'PRINTED_CARD'"
                    + " AND id_value = ?",
                card))
        .isEqualTo(older.toString());
    assertThat(number("SELECT units FROM balance WHERE account_id = ?", older)).isEqualTo(5);
    assertThat(number("SELECT COUNT(*) FROM balance WHERE account_id = ?", younger)).isZero();
    // a later event of the younger account counts for the older one
    assertThat(
            push(
                b,
                account(younger, card),
                List.of(Tills.stamp("cafe-norr", "merge-b", 3, younger))))
        .isEqualTo(200);
    assertThat(number("SELECT units FROM balance WHERE account_id = ?", older)).isEqualTo(6);
  }

  @Test
  void aMergeDoneAtATillIsCarriedOutOnTheServer() {
    String t = Tills.enrol(server, "cafe-norr", "merge-c");
    UUID into = IDS.next();
    UUID from = IDS.next();
    assertThat(
            push(
                t,
                List.of(
                    account(into, "2900000111111", "cafe-norr"),
                    account(from, "2900000222222", "cafe-norr")),
                List.of(
                    Tills.stamp("cafe-norr", "merge-c", 1, into),
                    Tills.stamp("cafe-norr", "merge-c", 2, from),
                    Tills.stamp("cafe-norr", "merge-c", 3, from))))
        .isEqualTo(200);
    WireAccount merged =
        new WireAccount(from, Instant.now().toString(), "cafe-norr", "MERGED", into, List.of());
    assertThat(push(t, List.of(merged), List.of())).isEqualTo(200);
    assertThat(text("SELECT status FROM account WHERE id = ?", from)).isEqualTo("MERGED");
    assertThat(number("SELECT units FROM balance WHERE account_id = ?", into)).isEqualTo(3);
    assertThat(number("SELECT COUNT(*) FROM balance WHERE account_id = ?", from)).isZero();
  }

  @Test
  void freeTextSurvivesTheCopyIntact() {
    String t = Tills.enrol(server, "cafe-norr", "copy-1");
    UUID account = IDS.next();
    WireEvent stamp = Tills.stamp("cafe-norr", "copy-1", 1, account);
    String reason = "tab\there, newline\nthere, back\\slash, \\N, CR\r, åäö";
    WireEvent adjust =
        new WireEvent(
            UUID.randomUUID(),
            account,
            "coffee-card",
            1,
            "ADJUST",
            2L,
            "cafe-norr",
            "copy-1",
            2L,
            "anna",
            Instant.now().toString(),
            2L,
            null,
            null,
            reason,
            "maria",
            List.of());
    Http.Answer answer =
        http.post("/api/v1/push", t, new PushRequest(List.of(), List.of(stamp, adjust)));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(text("SELECT reason FROM ledger_event WHERE event_id = ?", adjust.eventId()))
        .isEqualTo(reason);
    assertThat(text("SELECT input_method FROM ledger_event WHERE event_id = ?", adjust.eventId()))
        .isNull();
    assertThat(text("SELECT approved_by FROM ledger_event WHERE event_id = ?", adjust.eventId()))
        .isEqualTo("maria");
    assertThat(number("SELECT units FROM balance WHERE account_id = ?", account)).isEqualTo(3);
  }

  @Test
  void anEventIdStoredAtAnotherPlaceIsRefusedByNameAndNothingIsStored() {
    String t = Tills.enrol(server, "cafe-norr", "taken-1");
    UUID account = IDS.next();
    WireEvent first = Tills.stamp("cafe-norr", "taken-1", 1, account);
    assertThat(http.post("/api/v1/push", t, new PushRequest(List.of(), List.of(first))).status())
        .isEqualTo(200);
    WireEvent fresh = Tills.stamp("cafe-norr", "taken-1", 2, account);
    // the same id again, at place 3
    WireEvent copy =
        new WireEvent(
            first.eventId(),
            account,
            "coffee-card",
            1,
            "STAMP",
            1L,
            "cafe-norr",
            "taken-1",
            3L,
            "anna",
            first.occurredAt(),
            3L,
            "SCANNER",
            null,
            null,
            null,
            List.of());
    Http.Answer refused =
        http.post("/api/v1/push", t, new PushRequest(List.of(), List.of(fresh, copy)));
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.json().get("detail").asText()).contains(first.eventId().toString());
    assertThat(number("SELECT COUNT(*) FROM ledger_event WHERE till_id = ?", "taken-1"))
        .isEqualTo(1);
    assertThat(number("SELECT units FROM balance WHERE account_id = ?", account)).isEqualTo(1);
  }

  @Test
  void tillsOfOneStoreOpeningTheSameAccountsAtOnceStoreEachOnce() throws Exception {
    int tills = 4;
    List<UUID> accounts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      accounts.add(IDS.next());
    }
    List<String> credentials = new ArrayList<>();
    for (int t = 0; t < tills; t++) {
      credentials.add(Tills.enrol(server, "cafe-soder", "same-" + t));
    }
    ExecutorService pool = Executors.newFixedThreadPool(tills);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int t = 0; t < tills; t++) {
      String till = "same-" + t;
      String credential = credentials.get(t);
      List<UUID> order = new ArrayList<>(accounts);
      java.util.Collections.shuffle(order, new java.util.Random(t));
      answers.add(
          pool.submit(
              () -> {
                List<WireAccount> sent = new ArrayList<>();
                List<WireEvent> events = new ArrayList<>();
                for (UUID a : order) {
                  sent.add(account(a, "29" + a.toString().substring(24), "cafe-soder"));
                  events.add(Tills.stamp("cafe-soder", till, events.size() + 1, a));
                }
                go.await();
                return http.post("/api/v1/push", credential, new PushRequest(sent, events))
                    .status();
              }));
    }
    go.countDown();
    for (Future<Integer> f : answers) {
      assertThat(f.get()).isEqualTo(200);
    }
    pool.shutdown();
    for (UUID a : accounts) {
      assertThat(number("SELECT units FROM balance WHERE account_id = ?", a)).isEqualTo(tills);
    }
    assertThat(
            number(
                "SELECT COUNT(*) FROM change_feed WHERE kind = 'ACCOUNT' AND ref = ?",
                accounts.get(0).toString()))
        .as("one feed row for the account's opening, one for its card")
        .isEqualTo(2);
  }

  // --- helpers ---

  private static List<WireAccount> account(UUID id, String card) {
    return List.of(account(id, card, "cafe-norr"));
  }

  private static WireAccount account(UUID id, String card, String store) {
    String at = Instant.now().minusSeconds(3600).toString();
    return new WireAccount(
        id,
        at,
        store,
        "ACTIVE",
        null,
        List.of(new WireIdentifier("PRINTED_CARD", card, null, at, null)));
  }

  private static int push(String credential, List<WireAccount> accounts, List<WireEvent> events) {
    Http.Answer a = http.post("/api/v1/push", credential, new PushRequest(accounts, events));
    assertThat(a.status()).as(a.body()).isBetween(200, 299);
    return a.status();
  }

  private static String text(String sql, Object param) {
    return server
        .database()
        .read(
            c -> {
              try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, param);
                try (ResultSet r = s.executeQuery()) {
                  return r.next() ? r.getString(1) : null;
                }
              }
            });
  }

  private static long number(String sql, Object param) {
    return server
        .database()
        .read(
            c -> {
              try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, param);
                try (ResultSet r = s.executeQuery()) {
                  return r.next() ? r.getLong(1) : 0L;
                }
              }
            });
  }
}
