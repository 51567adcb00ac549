package com.stampcard.server.sync;

import com.stampcard.core.account.Account;
import com.stampcard.core.account.AccountStatus;
import com.stampcard.core.account.Identifier;
import com.stampcard.core.ledger.EventFlag;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.ledger.LedgerEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The server's ledger in SQL, on the store's tables: events inserted once, the balance projection
 * per root account, accounts and identifiers, and a row in the change feed for everything a till
 * must hear about. Each method works inside the caller's transaction.
 */
final class Ledger {
  private static final int MERGE_HOPS = 16;
  private static final int IN_CHUNK = 500;

  /** The store keeps public keys as hex. */
  private static final HexFormat HEX = HexFormat.of();

  private Ledger() {}

  // --- events ---

  static final String EVENT_COLUMNS =
      "event_id, account_id, program_id, program_version, type, quantity, store_id, till_id,"
          + " till_seq, cashier_id, occurred_at, hlc, input_method, ref_event_id, reason,"
          + " approved_by, flags";

  /** The stored events among {@code ids}, by id: what identifies them and what they change. */
  static Map<UUID, StoredEvent> storedEvents(Connection c, Collection<UUID> ids)
      throws SQLException {
    Map<UUID, StoredEvent> found = new HashMap<>();
    for (List<UUID> chunk : chunks(ids)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT event_id, till_id, till_seq, account_id, program_id, type, quantity"
                  + " FROM ledger_event WHERE event_id IN ("
                  + marks(chunk.size())
                  + ")")) {
        bindAll(s, 1, chunk);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            StoredEvent e =
                new StoredEvent(
                    r.getObject(1, UUID.class),
                    r.getString(2),
                    r.getLong(3),
                    r.getObject(4, UUID.class),
                    r.getString(5),
                    r.getString(6),
                    r.getLong(7));
            found.put(e.eventId(), e);
          }
        }
      }
    }
    return found;
  }

  /** What is stored of an event, to tell a harmless repeat from a conflicting one. */
  record StoredEvent(
      UUID eventId,
      String till,
      long tillSeq,
      UUID account,
      String program,
      String type,
      long quantity) {
    boolean sameAs(LedgerEvent e) {
      return till.equals(e.till().value())
          && tillSeq == e.tillSeq()
          && account.equals(e.account().value())
          && program.equals(e.program().value())
          && type.equals(e.type().name())
          && quantity == e.quantity();
    }
  }

  /** The events holding these places in the till's sequence, by till_seq. */
  static Map<Long, UUID> eventsAtSeqs(Connection c, String till, Collection<Long> seqs)
      throws SQLException {
    Map<Long, UUID> found = new HashMap<>();
    for (List<Long> chunk : chunks(seqs)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT till_seq, event_id FROM ledger_event WHERE till_id = ? AND till_seq IN ("
                  + marks(chunk.size())
                  + ")")) {
        s.setString(1, till);
        bindAll(s, 2, chunk);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            found.put(r.getLong(1), r.getObject(2, UUID.class));
          }
        }
      }
    }
    return found;
  }

  static void insertEvents(Connection c, List<LedgerEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO ledger_event ("
                + EVENT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (LedgerEvent e : events) {
        s.setObject(1, e.eventId());
        s.setObject(2, e.account().value());
        s.setString(3, e.program().value());
        s.setInt(4, e.programVersion());
        s.setString(5, e.type().name());
        s.setLong(6, e.quantity());
        s.setString(7, e.store().value());
        s.setString(8, e.till().value());
        s.setLong(9, e.tillSeq());
        s.setString(10, e.cashier().value());
        s.setObject(11, offset(e.occurredAt()));
        s.setLong(12, e.hlc());
        s.setString(13, e.input().map(Enum::name).orElse(null));
        s.setObject(14, e.ref().orElse(null));
        s.setString(15, e.reason().orElse(null));
        s.setString(16, e.approvedBy().map(a -> a.value()).orElse(null));
        s.setString(17, flags(e.flags()));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** EventFlag names, comma-separated in declaration order, as the store keeps them. */
  static String flags(Set<EventFlag> flags) {
    return flags.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
  }

  // --- balances ---

  /** What a set of events adds to one balance row. */
  static final class Delta {
    long units;
    long events;
    Instant earned;
    Instant spent;

    void add(LedgerEvent e) {
      units = Math.addExact(units, e.quantity());
      events++;
      if (e.type().earns()) {
        earned = latest(earned, e.occurredAt());
      } else if (e.type().spends()) {
        spent = latest(spent, e.occurredAt());
      }
    }

    void add(long u, long n, Instant lastEarned, Instant lastSpent) {
      units = Math.addExact(units, u);
      events += n;
      earned = latest(earned, lastEarned);
      spent = latest(spent, lastSpent);
    }
  }

  /** A balance row's key: root account and program. Sorted, so rows are locked in one order. */
  record Key(UUID account, String program) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int byAccount = account.compareTo(o.account);
      return byAccount != 0 ? byAccount : program.compareTo(o.program);
    }
  }

  /**
   * Adds the deltas to the balance rows, locking them in key order; answers each row's units after.
   */
  static Map<Key, Long> addToBalances(Connection c, TreeMap<Key, Delta> deltas)
      throws SQLException {
    Map<Key, long[]> current = new HashMap<>();
    Map<Key, Instant[]> times = new HashMap<>();
    List<Key> keys = new ArrayList<>(deltas.keySet());
    for (int from = 0; from < keys.size(); from += IN_CHUNK) {
      List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + IN_CHUNK));
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT account_id, program_id, units, events, last_earned_at, last_spent_at"
                  + " FROM balance WHERE (account_id, program_id) IN ("
                  + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?)"))
                  + ") ORDER BY account_id, program_id FOR UPDATE")) {
        int i = 1;
        for (Key k : chunk) {
          s.setObject(i++, k.account());
          s.setString(i++, k.program());
        }
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            Key k = new Key(r.getObject(1, UUID.class), r.getString(2));
            current.put(k, new long[] {r.getLong(3), r.getLong(4)});
            times.put(k, new Instant[] {instant(r, 5), instant(r, 6)});
          }
        }
      }
    }
    Map<Key, Long> after = new HashMap<>();
    try (PreparedStatement update =
            c.prepareStatement(
                "UPDATE balance SET units = ?, events = ?, last_earned_at = ?, last_spent_at = ?"
                    + " WHERE account_id = ? AND program_id = ?");
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO balance (units, events, last_earned_at, last_spent_at, account_id,"
                    + " program_id) VALUES (?, ?, ?, ?, ?, ?)")) {
      boolean updates = false;
      boolean inserts = false;
      for (Map.Entry<Key, Delta> entry : deltas.entrySet()) {
        Key k = entry.getKey();
        Delta d = entry.getValue();
        long[] now = current.getOrDefault(k, new long[2]);
        Instant[] t = times.getOrDefault(k, new Instant[2]);
        long units = Math.addExact(now[0], d.units);
        PreparedStatement s = current.containsKey(k) ? update : insert;
        s.setLong(1, units);
        s.setLong(2, now[1] + d.events);
        s.setObject(3, offset(latest(t[0], d.earned)));
        s.setObject(4, offset(latest(t[1], d.spent)));
        s.setObject(5, k.account());
        s.setString(6, k.program());
        s.addBatch();
        updates |= s == update;
        inserts |= s == insert;
        after.put(k, units);
      }
      if (updates) {
        update.executeBatch();
      }
      if (inserts) {
        insert.executeBatch();
      }
    }
    return after;
  }

  /** Units held now, after following merges; 0 when there is no balance yet. Locks the row. */
  static long lockedUnits(Connection c, UUID root, String program) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT units FROM balance WHERE account_id = ? AND program_id = ? FOR UPDATE")) {
      s.setObject(1, root);
      s.setString(2, program);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getLong(1) : 0;
      }
    }
  }

  // --- accounts ---

  /** Each account's root: the account its events count for after following merged_into. */
  static Map<UUID, UUID> roots(Connection c, Collection<UUID> accounts) throws SQLException {
    Map<UUID, UUID> mergedInto = new HashMap<>();
    Set<UUID> frontier = new HashSet<>(accounts);
    for (int hop = 0; hop < MERGE_HOPS && !frontier.isEmpty(); hop++) {
      Set<UUID> next = new HashSet<>();
      for (List<UUID> chunk : chunks(frontier)) {
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT id, merged_into FROM account WHERE merged_into IS NOT NULL AND id IN ("
                    + marks(chunk.size())
                    + ")")) {
          bindAll(s, 1, chunk);
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              UUID target = r.getObject(2, UUID.class);
              mergedInto.put(r.getObject(1, UUID.class), target);
              if (!mergedInto.containsKey(target)) {
                next.add(target);
              }
            }
          }
        }
      }
      frontier = next;
    }
    Map<UUID, UUID> roots = new HashMap<>();
    for (UUID a : accounts) {
      UUID id = a;
      for (int hop = 0; hop < MERGE_HOPS && mergedInto.containsKey(id); hop++) {
        id = mergedInto.get(id);
      }
      roots.put(a, id);
    }
    return roots;
  }

  static UUID root(Connection c, UUID account) throws SQLException {
    return roots(c, List.of(account)).get(account);
  }

  /** The account row as stored, locked; empty if there is none. */
  static Optional<Account> lockedAccount(Connection c, UUID id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT created_at, created_store, status, merged_into FROM account WHERE id = ?"
                + " FOR UPDATE")) {
      s.setObject(1, id);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Account(
                new com.stampcard.core.account.AccountId(id),
                instant(r, 1),
                new com.stampcard.core.shop.StoreId(r.getString(2)),
                AccountStatus.valueOf(r.getString(3)),
                Optional.ofNullable(r.getObject(4, UUID.class))
                    .map(com.stampcard.core.account.AccountId::new)));
      }
    }
  }

  static void insertAccount(Connection c, Account a) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO account (id, created_at, created_store, status, merged_into)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      s.setObject(1, a.id().value());
      s.setObject(2, offset(a.createdAt()));
      s.setString(3, a.createdAtStore().value());
      s.setString(4, a.status().name());
      s.setObject(5, a.mergedInto().map(m -> m.value()).orElse(null));
      s.executeUpdate();
    }
  }

  /**
   * Merges {@code from} into {@code into}: marks it merged, moves its identifiers and folds its
   * balances into the root of {@code into}. Its events stay as they are and count for the root.
   * Does nothing if that would make a loop.
   */
  static boolean merge(Connection c, UUID from, UUID into) throws SQLException {
    UUID root = root(c, into);
    if (root.equals(from)) {
      return false;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE account SET status = 'MERGED', merged_into = ? WHERE id = ?"
                + " AND status = 'ACTIVE'")) {
      s.setObject(1, into);
      s.setObject(2, from);
      if (s.executeUpdate() == 0) {
        return false;
      }
    }
    try (PreparedStatement s =
        c.prepareStatement("UPDATE identifier SET account_id = ? WHERE account_id = ?")) {
      s.setObject(1, into);
      s.setObject(2, from);
      s.executeUpdate();
    }
    TreeMap<Key, Delta> moving = new TreeMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT program_id, units, events, last_earned_at, last_spent_at FROM balance"
                + " WHERE account_id = ? FOR UPDATE")) {
      s.setObject(1, from);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Delta d = new Delta();
          d.add(r.getLong(2), r.getLong(3), instant(r, 4), instant(r, 5));
          moving.put(new Key(root, r.getString(1)), d);
        }
      }
    }
    try (PreparedStatement s = c.prepareStatement("DELETE FROM balance WHERE account_id = ?")) {
      s.setObject(1, from);
      s.executeUpdate();
    }
    addToBalances(c, moving);
    feed(c, "ACCOUNT", from.toString());
    feed(c, "ACCOUNT", into.toString());
    return true;
  }

  /** The identifier row as stored, locked. */
  static Optional<Identifier> lockedIdentifier(Connection c, String kind, String value)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT account_id, public_key, linked_at, revoked_at FROM identifier"
                + " WHERE kind = ? AND id_value = ? FOR UPDATE")) {
      s.setString(1, kind);
      s.setString(2, value);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Identifier(
                com.stampcard.core.code.IdentifierKind.valueOf(kind),
                value,
                new com.stampcard.core.account.AccountId(r.getObject(1, UUID.class)),
                Optional.ofNullable(r.getString(2)).map(HEX::parseHex),
                instant(r, 3),
                Optional.ofNullable(instant(r, 4))));
      }
    }
  }

  static void insertIdentifier(Connection c, Identifier i) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO identifier (kind, id_value, account_id, public_key, linked_at,"
                + " revoked_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      s.setString(1, i.kind().name());
      s.setString(2, i.value());
      s.setObject(3, i.account().value());
      s.setString(4, i.publicKey().map(HEX::formatHex).orElse(null));
      s.setObject(5, offset(i.linkedAt()));
      s.setObject(6, i.revokedAt().map(Ledger::offset).orElse(null));
      s.executeUpdate();
    }
  }

  static void revokeIdentifier(Connection c, Identifier i, Instant at) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE identifier SET revoked_at = ? WHERE kind = ? AND id_value = ?"
                + " AND revoked_at IS NULL")) {
      s.setObject(1, offset(at));
      s.setString(2, i.kind().name());
      s.setString(3, i.value());
      s.executeUpdate();
    }
  }

  // --- the change feed ---

  /** Tells pulling tills that this account (or overdraft) changed. */
  static void feed(Connection c, String kind, String ref) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO change_feed (kind, ref) VALUES (?, ?)")) {
      s.setString(1, kind);
      s.setString(2, ref);
      s.executeUpdate();
    }
  }

  static boolean isSpend(String type) {
    return EventType.valueOf(type).spends();
  }

  // --- helpers ---

  static <T> List<List<T>> chunks(Collection<T> all) {
    List<T> list = new ArrayList<>(all);
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i += IN_CHUNK) {
      out.add(list.subList(i, Math.min(list.size(), i + IN_CHUNK)));
    }
    return out;
  }

  static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  static void bindAll(PreparedStatement s, int first, List<?> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (v == null) {
        s.setNull(first + i, Types.OTHER);
      } else {
        s.setObject(first + i, v);
      }
    }
  }

  static OffsetDateTime offset(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet r, int column) throws SQLException {
    OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
