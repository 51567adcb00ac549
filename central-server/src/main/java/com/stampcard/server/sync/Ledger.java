package com.stampcard.server.sync;

import com.stampcard.core.account.Account;
import com.stampcard.core.account.AccountStatus;
import com.stampcard.core.account.Identifier;
import com.stampcard.core.ledger.EventFlag;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

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

  static void insertEvents(Connection c, List<LedgerEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    if (c.isWrapperFor(PGConnection.class)) {
      copyEvents(c.unwrap(PGConnection.class), events);
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

  /**
   * PostgreSQL: the events in one COPY, the fastest way in, inside the caller's transaction. A
   * duplicate key fails it like an INSERT would (SQLState 23505).
   */
  private static void copyEvents(PGConnection c, List<LedgerEvent> events) throws SQLException {
    StringBuilder text = new StringBuilder(events.size() * 300);
    for (LedgerEvent e : events) {
      text.append(e.eventId()).append('\t');
      text.append(e.account().value()).append('\t');
      copyField(text, e.program().value());
      text.append(e.programVersion()).append('\t');
      text.append(e.type().name()).append('\t');
      text.append(e.quantity()).append('\t');
      copyField(text, e.store().value());
      copyField(text, e.till().value());
      text.append(e.tillSeq()).append('\t');
      copyField(text, e.cashier().value());
      text.append(e.occurredAt()).append('\t');
      text.append(e.hlc()).append('\t');
      copyField(text, e.input().map(Enum::name).orElse(null));
      copyField(text, e.ref().map(UUID::toString).orElse(null));
      copyField(text, e.reason().orElse(null));
      copyField(text, e.approvedBy().map(a -> a.value()).orElse(null));
      text.append(flags(e.flags())).append('\n');
    }
    try {
      c.getCopyAPI()
          .copyIn(
              "COPY ledger_event (" + EVENT_COLUMNS + ") FROM STDIN",
              new java.io.ByteArrayInputStream(
                  text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.io.IOException e) {
      throw new SQLException("could not send the events to the database: " + e.getMessage(), e);
    }
  }

  /** A field of COPY's text format and its tab: backslash escapes, \\N for null. */
  private static void copyField(StringBuilder text, String value) {
    if (value == null) {
      text.append("\\N\t");
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        default -> text.append(ch);
      }
    }
    text.append('\t');
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

  /**
   * A balance row's key: root account and program. Sorted by program, then account: the order in
   * which every transaction locks balance rows, so two never wait for each other in a circle.
   */
  record Key(UUID account, String program) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int byProgram = program.compareTo(o.program);
      return byProgram != 0 ? byProgram : account.compareTo(o.account);
    }
  }

  /**
   * Adds the deltas to the balance rows, locking them in key order; answers each row's units after.
   */
  static Map<Key, Long> addToBalances(Connection c, TreeMap<Key, Delta> deltas)
      throws SQLException {
    if (deltas.isEmpty()) {
      return new HashMap<>();
    }
    if (c.isWrapperFor(PGConnection.class)) {
      return upsertBalances(c, deltas);
    }
    Map<Key, long[]> current = new HashMap<>();
    Map<Key, Instant[]> times = new HashMap<>();
    TreeMap<String, List<UUID>> byProgram = new TreeMap<>();
    for (Key k : deltas.keySet()) {
      byProgram.computeIfAbsent(k.program(), x -> new ArrayList<>()).add(k.account());
    }
    for (Map.Entry<String, List<UUID>> program : byProgram.entrySet()) {
      for (List<UUID> chunk : chunks(program.getValue())) {
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT account_id, units, events, last_earned_at, last_spent_at FROM balance"
                    + " WHERE program_id = ? AND account_id IN ("
                    + marks(chunk.size())
                    + ") ORDER BY account_id FOR UPDATE")) {
          s.setString(1, program.getKey());
          bindAll(s, 2, chunk);
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              Key k = new Key(r.getObject(1, UUID.class), program.getKey());
              current.put(k, new long[] {r.getLong(2), r.getLong(3)});
              times.put(k, new Instant[] {instant(r, 4), instant(r, 5)});
            }
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

  /**
   * PostgreSQL: adds to every row in one statement per chunk, inserting rows that are new, and
   * reads the units after from RETURNING: one pass over the rows instead of a locking read and a
   * write. Rows are taken in key order, so concurrent pushes never deadlock.
   */
  private static Map<Key, Long> upsertBalances(Connection c, TreeMap<Key, Delta> deltas)
      throws SQLException {
    int n = deltas.size();
    Object[] accounts = new Object[n];
    Object[] programs = new Object[n];
    Object[] units = new Object[n];
    Object[] events = new Object[n];
    Object[] earned = new Object[n];
    Object[] spent = new Object[n];
    int i = 0;
    for (Map.Entry<Key, Delta> row : deltas.entrySet()) {
      accounts[i] = row.getKey().account();
      programs[i] = row.getKey().program();
      units[i] = row.getValue().units;
      events[i] = row.getValue().events;
      earned[i] = offset(row.getValue().earned);
      spent[i] = offset(row.getValue().spent);
      i++;
    }
    Map<Key, Long> after = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO balance AS b (account_id, program_id, units, events, last_earned_at,"
                + " last_spent_at)"
                + " SELECT * FROM unnest(?::uuid[], ?::varchar[], ?::bigint[], ?::bigint[],"
                + " ?::timestamptz[], ?::timestamptz[]) AS d ORDER BY 2, 1"
                + " ON CONFLICT (account_id, program_id) DO UPDATE SET"
                + " units = b.units + EXCLUDED.units, events = b.events + EXCLUDED.events,"
                + " last_earned_at = GREATEST(b.last_earned_at, EXCLUDED.last_earned_at),"
                + " last_spent_at = GREATEST(b.last_spent_at, EXCLUDED.last_spent_at)"
                + " RETURNING account_id, program_id, units")) {
      s.setArray(1, c.createArrayOf("uuid", accounts));
      s.setArray(2, c.createArrayOf("varchar", programs));
      s.setArray(3, c.createArrayOf("bigint", units));
      s.setArray(4, c.createArrayOf("bigint", events));
      s.setArray(5, c.createArrayOf("timestamptz", earned));
      s.setArray(6, c.createArrayOf("timestamptz", spent));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          after.put(new Key(r.getObject(1, UUID.class), r.getString(2)), r.getLong(3));
        }
      }
    }
    return after;
  }

  static java.sql.Array uuids(Connection c, Collection<UUID> ids) throws SQLException {
    return c.createArrayOf("uuid", ids.toArray());
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

  /**
   * Each account's root: the account its events count for after following merged_into. Stable for a
   * transaction that holds the merge lock. Accounts the server does not hold are their own root.
   */
  static Map<UUID, UUID> roots(Connection c, Collection<UUID> accounts) throws SQLException {
    Map<UUID, UUID> mergedInto = new HashMap<>();
    Set<UUID> seen = new HashSet<>(accounts);
    Set<UUID> frontier = new HashSet<>(accounts);
    for (int hop = 0; hop < MERGE_HOPS && !frontier.isEmpty(); hop++) {
      Set<UUID> next = new HashSet<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT id, merged_into FROM account WHERE merged_into IS NOT NULL"
                  + " AND id = ANY (?)")) {
        s.setArray(1, uuids(c, frontier));
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            UUID target = r.getObject(2, UUID.class);
            mergedInto.put(r.getObject(1, UUID.class), target);
            if (seen.add(target)) {
              next.add(target);
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
                    .map(i -> i.revokedAt().map(Ledger::offset).orElse(null))
                    .toArray()));
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            inserted.add(new IdentifierKey(r.getString(1), r.getString(2)));
          }
        }
      }
      return inserted;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO identifier (kind, id_value, account_id, public_key, linked_at,"
                + " revoked_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Identifier i : sorted) {
        s.setString(1, i.kind().name());
        s.setString(2, i.value());
        s.setObject(3, i.account().value());
        s.setString(4, i.publicKey().map(HEX::formatHex).orElse(null));
        s.setObject(5, offset(i.linkedAt()));
        s.setObject(6, i.revokedAt().map(Ledger::offset).orElse(null));
        s.addBatch();
      }
      s.executeBatch();
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
