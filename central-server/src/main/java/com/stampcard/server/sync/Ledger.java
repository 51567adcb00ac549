package com.stampcard.server.sync;

import static com.stampcard.store.sync.LedgerSql.bindAll;
import static com.stampcard.store.sync.LedgerSql.chunks;
import static com.stampcard.store.sync.LedgerSql.marks;
import static com.stampcard.store.sync.LedgerSql.offset;
import static com.stampcard.store.sync.LedgerSql.uuids;

import com.stampcard.core.account.Account;
import com.stampcard.core.account.AccountStatus;
import com.stampcard.core.account.Identifier;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.store.sync.LedgerSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * The server's own ledger SQL, beside what it shares with the till's agent ({@link LedgerSql}):
 * what is stored at a till's places, accounts and identifiers as a push finds and opens them, the
 * change feed rows for everything a till must hear about, and the units an online redemption
 * checks. Each method works inside the caller's transaction.
 */
final class Ledger {

  /** The store keeps public keys as hex. */
  private static final HexFormat HEX = HexFormat.of();

  private Ledger() {}

  // --- events ---

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
            StoredEvent e = storedEvent(r);
            found.put(e.eventId(), e);
          }
        }
      }
    }
    return found;
  }

  private static StoredEvent storedEvent(ResultSet r) throws SQLException {
    return new StoredEvent(
        r.getObject(1, UUID.class),
        r.getString(2),
        r.getLong(3),
        r.getObject(4, UUID.class),
        r.getString(5),
        r.getString(6),
        r.getLong(7));
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

  /**
   * The events holding these places in the till's sequence, by till_seq. A dense set of places is
   * read as one range of the (till_id, till_seq) index, a sparse one by its values.
   */
  static Map<Long, StoredEvent> eventsAtSeqs(Connection c, String till, Collection<Long> seqs)
      throws SQLException {
    Map<Long, StoredEvent> found = new HashMap<>();
    if (seqs.isEmpty()) {
      return found;
    }
    long low = java.util.Collections.min(seqs);
    long high = java.util.Collections.max(seqs);
    String select =
        "SELECT event_id, till_id, till_seq, account_id, program_id, type, quantity"
            + " FROM ledger_event WHERE till_id = ? AND till_seq ";
    if (high - low < 4L * seqs.size()) {
      try (PreparedStatement s = c.prepareStatement(select + "BETWEEN ? AND ?")) {
        s.setString(1, till);
        s.setLong(2, low);
        s.setLong(3, high);
        collectByPlace(s, found);
      }
    } else {
      for (List<Long> chunk : chunks(seqs)) {
        try (PreparedStatement s =
            c.prepareStatement(select + "IN (" + marks(chunk.size()) + ")")) {
          s.setString(1, till);
          bindAll(s, 2, chunk);
          collectByPlace(s, found);
        }
      }
    }
    return found;
  }

  private static void collectByPlace(PreparedStatement s, Map<Long, StoredEvent> into)
      throws SQLException {
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        StoredEvent e = storedEvent(r);
        into.put(e.tillSeq(), e);
      }
    }
  }

  // --- balances ---

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

  /**
   * The status of each of these accounts the server holds. Not locked: a transaction that holds the
   * merge lock (see {@link com.stampcard.server.db.ServerDatabase#lockMerges}) sees no account
   * change under it but new accounts, whose insert conflicts.
   */
  static Map<UUID, AccountStatus> statuses(Connection c, Collection<UUID> ids) throws SQLException {
    Map<UUID, AccountStatus> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            c.isWrapperFor(PGConnection.class)
                // a join to the ids, which PostgreSQL runs as index lookups; "= ANY" it often
                // answers with a scan of the whole table
                ? "SELECT a.id, a.status FROM unnest(?::uuid[]) AS x(id) JOIN account a ON a.id = x.id"
                : "SELECT id, status FROM account WHERE id = ANY (?)")) {
      s.setArray(1, uuids(c, ids));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          found.put(r.getObject(1, UUID.class), AccountStatus.valueOf(r.getString(2)));
        }
      }
    }
    return found;
  }

  /**
   * Inserts these new accounts and answers the ids it inserted. On PostgreSQL an account another
   * transaction inserted meanwhile is skipped (ON CONFLICT DO NOTHING, after waiting for it to
   * commit) instead of failing the transaction. In id order, so two pushes opening the same
   * accounts wait for each other rather than deadlock.
   */
  static List<UUID> insertAccounts(Connection c, List<Account> accounts) throws SQLException {
    List<Account> sorted = new ArrayList<>(accounts);
    sorted.sort(java.util.Comparator.comparing(a -> a.id().value()));
    if (sorted.isEmpty()) {
      return List.of();
    }
    if (c.isWrapperFor(PGConnection.class)) {
      List<UUID> inserted = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO account (id, created_at, created_store, status)"
                  + " SELECT * FROM unnest(?::uuid[], ?::timestamptz[], ?::varchar[],"
                  + " ?::varchar[]) ORDER BY 1 ON CONFLICT (id) DO NOTHING RETURNING id")) {
        s.setArray(1, uuids(c, sorted.stream().map(a -> a.id().value()).toList()));
        s.setArray(
            2,
            c.createArrayOf(
                "timestamptz", sorted.stream().map(a -> offset(a.createdAt())).toArray()));
        s.setArray(
            3,
            c.createArrayOf(
                "varchar", sorted.stream().map(a -> a.createdAtStore().value()).toArray()));
        s.setArray(
            4, c.createArrayOf("varchar", sorted.stream().map(a -> a.status().name()).toArray()));
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            inserted.add(r.getObject(1, UUID.class));
          }
        }
      }
      return inserted;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO account (id, created_at, created_store, status, merged_into)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (Account a : sorted) {
        s.setObject(1, a.id().value());
        s.setObject(2, offset(a.createdAt()));
        s.setString(3, a.createdAtStore().value());
        s.setString(4, a.status().name());
        s.setObject(5, a.mergedInto().map(m -> m.value()).orElse(null));
        s.addBatch();
      }
      s.executeBatch();
    }
    return sorted.stream().map(a -> a.id().value()).toList();
  }

  /**
   * Merges {@code from} into {@code into} ({@link LedgerSql#merge}) and tells pulling tills about
   * both accounts. Needs the merge lock exclusively.
   */
  static boolean merge(Connection c, UUID from, UUID into) throws SQLException {
    if (!LedgerSql.merge(c, from, into)) {
      return false;
    }
    feed(c, "ACCOUNT", List.of(from.toString(), into.toString()));
    return true;
  }

  /** An identifier's key: kind and value. Sorted, so rows are locked in one order. */
  record IdentifierKey(String kind, String value) implements Comparable<IdentifierKey> {
    static IdentifierKey of(Identifier i) {
      return new IdentifierKey(i.kind().name(), i.value());
    }

    @Override
    public int compareTo(IdentifierKey o) {
      int byKind = kind.compareTo(o.kind);
      return byKind != 0 ? byKind : value.compareTo(o.value);
    }
  }

  /** What the server holds of an identifier: the account it points at, and whether revoked. */
  record HeldIdentifier(UUID account, boolean revoked) {}

  /**
   * The stored rows of these identifiers; with {@code lock}, locked (FOR UPDATE) in key order. One
   * query per kind, {@code kind = ? AND id_value = ANY (?)}: a row-value IN list is not an index
   * lookup on PostgreSQL.
   */
  static Map<IdentifierKey, HeldIdentifier> identifiers(
      Connection c, Collection<IdentifierKey> keys, boolean lock) throws SQLException {
    Map<IdentifierKey, HeldIdentifier> found = new HashMap<>();
    TreeMap<String, List<String>> byKind = new TreeMap<>();
    for (IdentifierKey k : new java.util.TreeSet<>(keys)) {
      byKind.computeIfAbsent(k.kind(), x -> new ArrayList<>()).add(k.value());
    }
    for (Map.Entry<String, List<String>> kind : byKind.entrySet()) {
      try (PreparedStatement s =
          c.prepareStatement(
              (c.isWrapperFor(PGConnection.class)
                  ? "SELECT i.id_value, i.account_id, i.revoked_at FROM unnest(?::varchar[])"
                      + " AS x(v) JOIN identifier i ON i.kind = ? AND i.id_value = x.v"
                      + (lock ? " ORDER BY i.id_value FOR UPDATE OF i" : "")
                  : "SELECT id_value, account_id, revoked_at FROM identifier"
                      + " WHERE id_value = ANY (?) AND kind = ?"
                      + (lock ? " ORDER BY id_value FOR UPDATE" : "")))) {
        s.setArray(1, c.createArrayOf("varchar", kind.getValue().toArray()));
        s.setString(2, kind.getKey());
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            found.put(
                new IdentifierKey(kind.getKey(), r.getString(1)),
                new HeldIdentifier(r.getObject(2, UUID.class), r.getObject(3) != null));
          }
        }
      }
    }
    return found;
  }

  /**
   * Inserts these new identifiers and answers the keys it inserted. On PostgreSQL one another
   * transaction inserted meanwhile is skipped (ON CONFLICT DO NOTHING), for the caller to
   * reconcile. In key order.
   */
  static List<IdentifierKey> insertIdentifiers(Connection c, List<Identifier> identifiers)
      throws SQLException {
    List<Identifier> sorted = new ArrayList<>(identifiers);
    sorted.sort(java.util.Comparator.comparing(IdentifierKey::of));
    if (sorted.isEmpty()) {
      return List.of();
    }
    if (c.isWrapperFor(PGConnection.class)) {
      List<IdentifierKey> inserted = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO identifier (kind, id_value, account_id, public_key, linked_at,"
                  + " revoked_at) SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::uuid[],"
                  + " ?::varchar[], ?::timestamptz[], ?::timestamptz[]) ORDER BY 1, 2"
                  + " ON CONFLICT (kind, id_value) DO NOTHING RETURNING kind, id_value")) {
        s.setArray(
            1, c.createArrayOf("varchar", sorted.stream().map(i -> i.kind().name()).toArray()));
        s.setArray(2, c.createArrayOf("varchar", sorted.stream().map(Identifier::value).toArray()));
        s.setArray(3, uuids(c, sorted.stream().map(i -> i.account().value()).toList()));
        s.setArray(
            4,
            c.createArrayOf(
                "varchar",
                sorted.stream()
                    .map(i -> i.publicKey().map(HEX::formatHex).orElse(null))
                    .toArray()));
        s.setArray(
            5,
            c.createArrayOf(
                "timestamptz", sorted.stream().map(i -> offset(i.linkedAt())).toArray()));
        s.setArray(
            6,
            c.createArrayOf(
                "timestamptz",
                sorted.stream()
                    .map(i -> i.revokedAt().map(LedgerSql::offset).orElse(null))
                    .toArray()));
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            inserted.add(new IdentifierKey(r.getString(1), r.getString(2)));
          }
        }
      }
      return inserted;
    }
    // H2 (the server's development database): in the same process, one row at a time
    for (Identifier i : sorted) {
      LedgerSql.insertIdentifier(
          c,
          i.kind().name(),
          i.value(),
          i.account().value(),
          i.publicKey().map(HEX::formatHex).orElse(null),
          i.linkedAt(),
          i.revokedAt().orElse(null));
    }
    return sorted.stream().map(IdentifierKey::of).toList();
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
    feed(c, kind, List.of(ref));
  }

  /** Tells pulling tills that these accounts (or overdrafts) changed, in one batch. */
  static void feed(Connection c, String kind, Collection<String> refs) throws SQLException {
    if (refs.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO change_feed (kind, ref) VALUES (?, ?)")) {
      for (String ref : refs) {
        s.setString(1, kind);
        s.setString(2, ref);
        s.addBatch();
      }
      s.executeBatch();
    }
  }
}
