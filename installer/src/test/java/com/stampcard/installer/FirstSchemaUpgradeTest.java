package com.stampcard.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.account.AccountId;
import com.stampcard.core.ledger.Balance;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.program.ProgramId;
import com.stampcard.store.StoreDatabase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A till upgraded from the first released schema keeps every event and balance. The database is
 * {@code upgrade/till-v1.sql}, a dump of a till made with V1 only; opening it with today's {@link
 * StoreDatabase} runs every migration since, as an upgraded till does at start. It also fails when
 * a released migration is edited (Flyway's checksum of V1 is in the dump).
 */
class FirstSchemaUpgradeTest {
  @TempDir Path dir;
  private Path database;

  /** One ledger row as V1 stored it, read with plain SQL. */
  private record Row(
      UUID eventId, UUID account, String program, String type, long quantity, long tillSeq) {}

  private record BalanceRow(UUID account, String program, long units, long events) {}

  @BeforeEach
  void restoreTheFirstSchemasDatabase() throws SQLException, URISyntaxException {
    database = dir.resolve("till");
    Path script = Path.of(getClass().getResource("/upgrade/till-v1.sql").toURI());
    try (Connection c = DriverManager.getConnection(StoreDatabase.h2Url(database), "sa", "");
        Statement s = c.createStatement()) {
      s.execute("RUNSCRIPT FROM '" + script + "'");
    }
  }

  @Test
  void theDumpIsATillOnTheFirstSchemaWithEventsInIt() throws SQLException {
    assertThat(appliedVersions()).containsExactly("1");
    List<Row> events = events();
    assertThat(events).hasSize(7);
    assertThat(events).extracting(Row::type).contains("STAMP", "POINTS_EARN", "VOID");
    assertThat(balances()).isNotEmpty();
  }

  @Test
  void everyEventAndBalanceIsStillThereAfterMigrating() throws SQLException, IOException {
    List<Row> before = events();
    List<BalanceRow> balancesBefore = balances();

    try (StoreDatabase db = StoreDatabase.h2File(database)) {
      for (Row row : before) {
        Optional<LedgerEvent> event = db.tillStore().inTransaction(tx -> tx.event(row.eventId()));
        assertThat(event).as("event %s after migrating", row.eventId()).isPresent();
        LedgerEvent e = event.get();
        assertThat(e.account().value()).isEqualTo(row.account());
        assertThat(e.program().value()).isEqualTo(row.program());
        assertThat(e.type().name()).isEqualTo(row.type());
        assertThat(e.quantity()).isEqualTo(row.quantity());
        assertThat(e.tillSeq()).isEqualTo(row.tillSeq());
      }
      assertThat(balancesThroughTheStore(db, balancesBefore)).isEqualTo(balancesBefore);

      // the projection is still the fold of the events
      db.tillStore().rebuildBalances();
      assertThat(balancesThroughTheStore(db, balancesBefore)).isEqualTo(balancesBefore);
    }

    assertThat(events()).isEqualTo(before);
    assertThat(appliedVersions()).startsWith("1");
  }

  private static List<BalanceRow> balancesThroughTheStore(
      StoreDatabase db, List<BalanceRow> expected) {
    List<BalanceRow> found = new ArrayList<>();
    for (BalanceRow row : expected) {
      Balance b =
          db.tillStore()
              .inTransaction(
                  tx -> tx.balance(new AccountId(row.account()), new ProgramId(row.program())));
      found.add(new BalanceRow(row.account(), row.program(), b.units(), b.events()));
    }
    return found;
  }

  private List<String> appliedVersions() throws SQLException {
    List<String> versions = new ArrayList<>();
    query(
        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT"
            + " NULL ORDER BY \"installed_rank\"",
        rs -> versions.add(rs.getString(1)));
    return versions;
  }

  private List<Row> events() throws SQLException {
    List<Row> rows = new ArrayList<>();
    query(
        "SELECT event_id, account_id, program_id, type, quantity, till_seq FROM ledger_event"
            + " ORDER BY till_seq",
        rs ->
            rows.add(
                new Row(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getLong(5),
                    rs.getLong(6))));
    return rows;
  }

  private List<BalanceRow> balances() throws SQLException {
    List<BalanceRow> rows = new ArrayList<>();
    query(
        "SELECT account_id, program_id, units, events FROM balance ORDER BY account_id, program_id",
        rs ->
            rows.add(
                new BalanceRow(
                    rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getLong(4))));
    return rows;
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(String sql, RowReader reader) throws SQLException {
    try (Connection c = DriverManager.getConnection(StoreDatabase.h2Url(database), "sa", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        reader.read(rs);
      }
    }
  }
}
