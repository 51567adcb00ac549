package com.stampcard.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.account.AccountId;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.ledger.Balance;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.staff.StaffId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks the ledger's invariants straight from the tables, with plain JDBC and core's own fold, so
 * the store's code is not checking itself.
 */
public final class LedgerCheck {
  private LedgerCheck() {}

  /** A balance's key: root account and program. */
  public record Key(UUID account, String program) {}

  /** Every event, read row by row into core's record (which checks each event's rules). */
  public static List<LedgerEvent> events(Connection c) throws SQLException {
    List<LedgerEvent> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT event_id, account_id, program_id, program_version, type, quantity,"
                    + " store_id, till_id, till_seq, cashier_id, occurred_at, hlc, input_method,"
                    + " ref_event_id, reason, approved_by FROM ledger_event")) {
      while (r.next()) {
        out.add(
            new LedgerEvent(
                r.getObject(1, UUID.class),
                new AccountId(r.getObject(2, UUID.class)),
                new ProgramId(r.getString(3)),
                r.getInt(4),
                EventType.valueOf(r.getString(5)),
                r.getLong(6),
                new StoreId(r.getString(7)),
                new TillId(r.getString(8)),
                r.getLong(9),
                new StaffId(r.getString(10)),
                r.getObject(11, OffsetDateTime.class).toInstant(),
                r.getLong(12),
                Optional.ofNullable(r.getString(13)).map(InputMethod::valueOf),
                Optional.ofNullable(r.getObject(14, UUID.class)),
                Optional.ofNullable(r.getString(15)),
                Optional.ofNullable(r.getString(16)).map(StaffId::new),
                Set.of()));
      }
    }
    return out;
  }

  /** The balance table as it is. */
  public static Map<Key, Balance> projection(Connection c) throws SQLException {
    Map<Key, Balance> out = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT account_id, program_id, units, last_earned_at, last_spent_at, events"
                    + " FROM balance")) {
      while (r.next()) {
        UUID account = r.getObject(1, UUID.class);
        String program = r.getString(2);
        out.put(
            new Key(account, program),
            new Balance(
                new AccountId(account),
                new ProgramId(program),
                r.getLong(3),
                Optional.ofNullable(r.getObject(4, OffsetDateTime.class))
                    .map(OffsetDateTime::toInstant),
                Optional.ofNullable(r.getObject(5, OffsetDateTime.class))
                    .map(OffsetDateTime::toInstant),
                r.getLong(6)));
      }
    }
    return out;
  }

  /** What the balances must be: {@link Balance#fold} of each root account's events. */
  public static Map<Key, Balance> folded(Connection c) throws SQLException {
    Map<UUID, UUID> mergedInto = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT id, merged_into FROM account WHERE merged_into IS NOT NULL")) {
      while (r.next()) {
        mergedInto.put(r.getObject(1, UUID.class), r.getObject(2, UUID.class));
      }
    }
    Map<Key, List<LedgerEvent>> byRoot = new HashMap<>();
    for (LedgerEvent e : events(c)) {
      UUID root = e.account().value();
      while (mergedInto.containsKey(root)) {
        root = mergedInto.get(root);
      }
      byRoot.computeIfAbsent(new Key(root, e.program().value()), k -> new ArrayList<>()).add(e);
    }
    Map<Key, Balance> out = new HashMap<>();
    byRoot.forEach(
        (key, events) ->
            out.put(
                key,
                Balance.fold(new AccountId(key.account()), new ProgramId(key.program()), events)));
    return out;
  }

  public static void assertProjectionEqualsFold(Connection c) throws SQLException {
    assertThat(projection(c)).isEqualTo(folded(c));
  }

  /** Each till's events are numbered 1, 2, 3, ... with no gap, up to its till_sequence. */
  public static void assertGaplessPerTill(Connection c) throws SQLException {
    Map<String, Long> last = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT till_id, last_seq FROM till_sequence")) {
      while (r.next()) {
        last.put(r.getString(1), r.getLong(2));
      }
    }
    Map<String, Long> seen = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT till_id, COUNT(*), COUNT(DISTINCT till_seq), MIN(till_seq), MAX(till_seq)"
                    + " FROM ledger_event GROUP BY till_id")) {
      while (r.next()) {
        String till = r.getString(1);
        long count = r.getLong(2);
        assertThat(r.getLong(3)).as("distinct till_seq at %s", till).isEqualTo(count);
        assertThat(r.getLong(4)).as("first till_seq at %s", till).isEqualTo(1);
        assertThat(r.getLong(5)).as("last till_seq at %s", till).isEqualTo(count);
        seen.put(till, count);
      }
    }
    assertThat(last).as("till_sequence against the events").isEqualTo(seen);
  }
}
