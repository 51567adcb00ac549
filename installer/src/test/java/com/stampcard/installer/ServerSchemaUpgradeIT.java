package com.stampcard.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stampcard.server.CentralServer;
import com.stampcard.server.testing.Http;
import com.stampcard.server.testing.Postgres;
import com.stampcard.server.testing.TestServers;
import com.stampcard.server.testing.Tills;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A central server upgraded from the first released server schema keeps every event. The fixture is
 * made the way the first release made it: only the migrations up to V101 (Flyway's {@code target}),
 * then events, accounts and balances written with plain SQL into those tables. Today's server then
 * starts on it, migrating to whatever migrations exist now (not a list kept here), and every event
 * must still be there, unchanged, both in its row and in what the server hands a newly enrolled
 * till on a pull. On H2 (one site) and on PostgreSQL.
 *
 * <p>The first release's migrations must never be edited: their checksums, as Flyway recorded them
 * when the fixture was made, are compared with the ones the first release shipped.
 */
class ServerSchemaUpgradeIT {
  /** The first released server schema: the store's V1, the server's V100 and V101. */
  private static final String FIRST_RELEASE = "101";

  /** Flyway's checksums of the first release's migrations, per engine (V101 differs). */
  private static final Map<String, Integer> RELEASED_H2 =
      Map.of("1", -2_020_605_300, "100", 2_025_235_449, "101", -1_197_332_029);

  private static final Map<String, Integer> RELEASED_POSTGRESQL =
      Map.of("1", -2_020_605_300, "100", 2_025_235_449, "101", 1_758_269_633);

  private static final String STORE = "cafe-norr";
  private static final String OLD_TILL = "cafe-norr-1";

  @TempDir Path folder;

  /** One event row as the first release stored it. */
  private record Row(
      UUID eventId,
      UUID account,
      String program,
      String type,
      long quantity,
      String till,
      long tillSeq,
      String cashier,
      OffsetDateTime occurredAt,
      long hlc,
      String inputMethod,
      UUID refEventId,
      String reason) {}

  private record Db(String url, String user, String password, String engineFolder) {}

  @Test
  void h2ServerFromTheFirstReleaseKeepsEveryEvent() throws Exception {
    String url = "jdbc:h2:file:" + folder.resolve("server").resolve("server").toAbsolutePath();
    Db db = new Db(url, "sa", "", "h2");

    List<Row> made = makeFirstReleaseDatabase(db, RELEASED_H2);
    try (CentralServer server = TestServers.h2(folder.resolve("server"), Map.of())) {
      assertEveryEventIsServed(server, made);
    }
    assertMigratedToTheNewestAndEveryRowUnchanged(db, made);
  }

  @Test
  void postgresServerFromTheFirstReleaseKeepsEveryEvent() throws Exception {
    String url = Postgres.newDatabase();
    Db db = new Db(url, "postgres", "postgres", "postgresql");

    List<Row> made = makeFirstReleaseDatabase(db, RELEASED_POSTGRESQL);
    try (CentralServer server = TestServers.postgres(url, Map.of())) {
      assertEveryEventIsServed(server, made);
    }
    assertMigratedToTheNewestAndEveryRowUnchanged(db, made);
  }

  /** The migrations the server runs: the store's and its own for the engine. */
  private static Flyway flyway(Db db, String target) {
    var config =
        Flyway.configure()
            .dataSource(db.url(), db.user(), db.password())
            .locations(
                "classpath:db/migration",
                "classpath:db/server/common",
                "classpath:db/server/" + db.engineFolder());
    if (target != null) {
      config.target(target);
    }
    return config.load();
  }

  private List<Row> makeFirstReleaseDatabase(Db db, Map<String, Integer> releasedChecksums)
      throws SQLException {
    flyway(db, FIRST_RELEASE).migrate();
    Map<String, Integer> checksums = new LinkedHashMap<>();
    for (MigrationInfo m : flyway(db, null).info().applied()) {
      checksums.put(m.getVersion().getVersion(), m.getChecksum());
    }
    assertThat(checksums)
        .as("the first release's migrations as shipped (a released migration is never edited)")
        .isEqualTo(releasedChecksums);

    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    OffsetDateTime at = OffsetDateTime.of(2026, 3, 2, 8, 30, 0, 0, ZoneOffset.UTC);
    List<Row> rows = new ArrayList<>();
    UUID stamp1 = UUID.randomUUID();
    rows.add(row(stamp1, first, "coffee-card", "STAMP", 2, 1, at, null, null));
    rows.add(
        row(UUID.randomUUID(), first, "coffee-card", "STAMP", 1, 2, at.plusHours(1), null, ""));
    rows.add(
        row(
            UUID.randomUUID(),
            second,
            "lunch-points",
            "POINTS_EARN",
            120,
            3,
            at.plusHours(2),
            null,
            null));
    rows.add(
        row(
            UUID.randomUUID(),
            first,
            "coffee-card",
            "VOID",
            -2,
            4,
            at.plusHours(3),
            stamp1,
            "wrong card"));
    rows.add(
        row(
            UUID.randomUUID(),
            second,
            "lunch-points",
            "POINTS_SPEND",
            -100,
            5,
            at.plusHours(4),
            null,
            null));

    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
      c.setAutoCommit(false);
      try (PreparedStatement account =
              c.prepareStatement(
                  "INSERT INTO account (id, created_at, created_store, status) VALUES (?, ?, ?,"
                      + " 'ACTIVE')");
          PreparedStatement event =
              c.prepareStatement(
                  "INSERT INTO ledger_event (event_id, account_id, program_id, program_version,"
                      + " type, quantity, store_id, till_id, till_seq, cashier_id, occurred_at,"
                      + " hlc, input_method, ref_event_id, reason, approved_by, flags)"
                      + " VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, '')");
          PreparedStatement balance =
              c.prepareStatement(
                  "INSERT INTO balance (account_id, program_id, units, events) VALUES (?, ?, ?,"
                      + " ?)");
          Statement s = c.createStatement()) {
        for (UUID id : List.of(first, second)) {
          account.setObject(1, id);
          account.setObject(2, at);
          account.setString(3, STORE);
          account.executeUpdate();
        }
        for (Row r : rows) {
          event.setObject(1, r.eventId());
          event.setObject(2, r.account());
          event.setString(3, r.program());
          event.setString(4, r.type());
          event.setLong(5, r.quantity());
          event.setString(6, STORE);
          event.setString(7, r.till());
          event.setLong(8, r.tillSeq());
          event.setString(9, r.cashier());
          event.setObject(10, r.occurredAt());
          event.setLong(11, r.hlc());
          event.setString(12, r.inputMethod());
          event.setObject(13, r.refEventId());
          event.setString(14, r.reason());
          event.executeUpdate();
        }
        for (Object[] b :
            List.of(
                new Object[] {first, "coffee-card", 1L, 3L},
                new Object[] {second, "lunch-points", 20L, 2L})) {
          balance.setObject(1, b[0]);
          balance.setString(2, (String) b[1]);
          balance.setLong(3, (Long) b[2]);
          balance.setLong(4, (Long) b[3]);
          balance.executeUpdate();
        }
        s.executeUpdate(
            "INSERT INTO till (till_id, store_id, contiguous_seq) VALUES ('"
                + OLD_TILL
                + "', '"
                + STORE
                + "', 5)");
      }
      c.commit();
    }
    assertThat(rows(db)).as("the fixture").isEqualTo(rows);
    return rows;
  }

  private static Row row(
      UUID id,
      UUID account,
      String program,
      String type,
      long quantity,
      long seq,
      OffsetDateTime at,
      UUID ref,
      String reason) {
    return new Row(
        id, account, program, type, quantity, OLD_TILL, seq, "anna", at, seq, "SCANNER", ref,
        reason);
  }

  /** A till enrolled after the upgrade pulls every page: it gets every event of the old till. */
  private static void assertEveryEventIsServed(CentralServer server, List<Row> made) {
    String credential = Tills.enrol(server, STORE, "cafe-norr-9");
    Http http = new Http(server.uri());
    Set<UUID> pulled = new HashSet<>();
    String cursor = null;
    for (int page = 0; page < 1_000; page++) {
      Http.Answer answer =
          http.get(
              "/api/v1/changes"
                  + (cursor == null
                      ? ""
                      : "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
              credential);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      JsonNode body = answer.json();
      for (JsonNode e : body.get("events")) {
        pulled.add(UUID.fromString(e.get("event_id").asText()));
      }
      cursor = body.get("cursor").asText();
      if (!body.get("more").asBoolean()) {
        break;
      }
    }
    assertThat(pulled)
        .as("events pulled from the upgraded server")
        .containsAll(made.stream().map(Row::eventId).toList());
  }

  private static void assertMigratedToTheNewestAndEveryRowUnchanged(Db db, List<Row> made)
      throws SQLException {
    Flyway now = flyway(db, null);
    assertThat(now.info().pending()).as("migrations not run at start").isEmpty();
    MigrationInfo[] applied = now.info().applied();
    assertThat(applied[applied.length - 1].getVersion())
        .as("the newest migration there is")
        .isEqualTo(now.info().current().getVersion());
    assertThat(applied.length).as("migrations since the first release").isGreaterThanOrEqualTo(3);

    List<Row> after = rows(db);
    assertThat(after).as("every event of the first release, unchanged").containsAll(made);
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT contiguous_seq FROM till WHERE till_id = '" + OLD_TILL + "'")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getLong(1)).as("what the server holds of the old till").isEqualTo(5);
    }
  }

  private static List<Row> rows(Db db) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        PreparedStatement s =
            c.prepareStatement(
                "SELECT event_id, account_id, program_id, type, quantity, till_id, till_seq,"
                    + " cashier_id, occurred_at, hlc, input_method, ref_event_id, reason"
                    + " FROM ledger_event WHERE till_id = ? ORDER BY till_seq")) {
      s.setString(1, OLD_TILL);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(
              new Row(
                  r.getObject(1, UUID.class),
                  r.getObject(2, UUID.class),
                  r.getString(3),
                  r.getString(4),
                  r.getLong(5),
                  r.getString(6),
                  r.getLong(7),
                  r.getString(8),
                  r.getObject(9, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                  r.getLong(10),
                  r.getString(11),
                  r.getObject(12, UUID.class),
                  r.getString(13)));
        }
      }
    }
    return rows;
  }
}
