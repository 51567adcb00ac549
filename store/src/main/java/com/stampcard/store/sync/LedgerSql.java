package com.stampcard.store.sync;

import com.stampcard.core.ledger.EventType;
import com.stampcard.core.sync.WireAccount;
import com.stampcard.core.sync.WireEvent;
import com.stampcard.core.sync.WireIdentifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * The ledger in SQL as the central server and the till's sync agent both keep it, on the store's
 * tables: events as rows, the balance projection per root account, merges, and accounts with their
 * identifiers as the sync API carries them. One implementation for both sides, H2 and PostgreSQL;
 * where PostgreSQL has a bulk statement (COPY, an upsert from arrays) it is used there. Every
 * method works inside the caller's transaction.
 *
 * <p>Balance rows are locked in {@link Key} order by everything here, so two transactions adding to
 * balances never wait for each other in a circle.
 */
public final class LedgerSql {
  private static final int MERGE_HOPS = 16;
  private static final int IN_CHUNK = 500;

  /** The store keeps public keys as hex; the sync API sends them as base64. */
  private static final HexFormat HEX = HexFormat.of();

  private LedgerSql() {}

  // --- events ---

  /** The columns of an event, in the order {@link #event} reads them. */
  public static final String EVENT_COLUMNS =
      "event_id, account_id, program_id, program_version, type, quantity, store_id, till_id,"
          + " till_seq, cashier_id, occurred_at, hlc, input_method, ref_event_id, reason,"
          + " approved_by, flags";

  /** The event in columns {@code first} to {@code first + 16} ({@link #EVENT_COLUMNS}). */
  public static WireEvent event(ResultSet r, int first) throws SQLException {
    int i = first;
    String flags = r.getString(i + 16);
    return new WireEvent(
        r.getObject(i, UUID.class),
        r.getObject(i + 1, UUID.class),
        r.getString(i + 2),
        r.getInt(i + 3),
        r.getString(i + 4),
        r.getLong(i + 5),
        r.getString(i + 6),
        r.getString(i + 7),
        r.getLong(i + 8),
        r.getString(i + 9),
        instant(r, i + 10).toString(),
        r.getLong(i + 11),
        r.getString(i + 12),
        r.getObject(i + 13, UUID.class),
        r.getString(i + 14),
        r.getString(i + 15),
        flags.isEmpty() ? List.of() : Arrays.asList(flags.split(",")));
  }

  /**
   * Inserts the events (checked by the caller: every field present and valid). On PostgreSQL in one
   * COPY, the fastest way in. A duplicate key fails it (SQLState 23505) on either engine.
   */
  public static void insertEvents(Connection c, List<WireEvent> events) throws SQLException {
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
      for (WireEvent e : events) {
        s.setObject(1, e.eventId());
        s.setObject(2, e.accountId());
        s.setString(3, e.programId());
        s.setInt(4, e.programVersion());
        s.setString(5, e.type());
        s.setLong(6, e.quantity());
        s.setString(7, e.storeId());
        s.setString(8, e.tillId());
        s.setLong(9, e.tillSeq());
        s.setString(10, e.cashierId());
        s.setObject(11, offset(Instant.parse(e.occurredAt())));
        s.setLong(12, e.hlc());
        s.setString(13, e.inputMethod());
        s.setObject(14, e.refEventId());
        s.setString(15, e.reason());
        s.setString(16, e.approvedBy());
        s.setString(17, flags(e));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** The flag names, comma-separated, as the store keeps them ('' for none). */
  private static String flags(WireEvent e) {
    return e.flags() == null ? "" : String.join(",", e.flags());
  }

  private static void copyEvents(PGConnection c, List<WireEvent> events) throws SQLException {
    StringBuilder text = new StringBuilder(events.size() * 300);
    for (WireEvent e : events) {
      text.append(e.eventId()).append('\t');
      text.append(e.accountId()).append('\t');
      copyField(text, e.programId());
      text.append(e.programVersion()).append('\t');
      copyField(text, e.type());
      text.append(e.quantity()).append('\t');
      copyField(text, e.storeId());
      copyField(text, e.tillId());
      text.append(e.tillSeq()).append('\t');
      copyField(text, e.cashierId());
      copyField(text, e.occurredAt());
      text.append(e.hlc()).append('\t');
      copyField(text, e.inputMethod());
      copyField(text, e.refEventId() == null ? null : e.refEventId().toString());
      copyField(text, e.reason());
      copyField(text, e.approvedBy());
      copyField(text, flags(e));
      text.setCharAt(text.length() - 1, '\n');
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

  // --- balances ---

  /** What a set of events adds to one balance row. */
  public static final class Delta {
    long units;
    long events;
    Instant earned;
    Instant spent;

    /** One more event. */
    public void add(EventType type, long quantity, Instant at) {
      units = Math.addExact(units, quantity);
      events++;
      if (type.earns()) {
        earned = latest(earned, at);
      } else if (type.spends()) {
        spent = latest(spent, at);
      }
    }

    /** One more event, as the sync API carries it. */
    public void add(WireEvent e) {
      add(EventType.valueOf(e.type()), e.quantity(), Instant.parse(e.occurredAt()));
    }

    void add(long u, long n, Instant lastEarned, Instant lastSpent) {
      units = Math.addExact(units, u);
      events += n;
      earned = latest(earned, lastEarned);
      spent = latest(spent, lastSpent);
    }
  }

  /**
   * What adding events to the balances did.
   *
   * @param roots each event's account and the account its events count for
   * @param unitsAfter each balance row changed and its units after
   */
  public record Folded(Map<UUID, UUID> roots, Map<Key, Long> unitsAfter) {
    /** The balance row an event was added to. */
    public Key keyOf(UUID account, String program) {
      return new Key(roots.get(account), program);
    }
  }

  /**
   * Adds stored events to the balances of their accounts' roots, one row per root and program,
   * locked in key order. The caller inserted the events and holds what keeps roots still (the
   * server: the merge lock; a till: its single writer for merges, the sync agent).
   */
  public static Folded fold(Connection c, List<WireEvent> events) throws SQLException {
    Map<UUID, UUID> roots = roots(c, events.stream().map(WireEvent::accountId).distinct().toList());
    TreeMap<Key, Delta> deltas = new TreeMap<>();
    for (WireEvent e : events) {
      deltas
          .computeIfAbsent(new Key(roots.get(e.accountId()), e.programId()), k -> new Delta())
          .add(e);
    }
    return new Folded(roots, addToBalances(c, deltas));
  }

  /**
   * A balance row's key: root account and program. Sorted by program, then account: the order in
   * which every transaction locks balance rows, so two never wait for each other in a circle.
   */
  public record Key(UUID account, String program) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int byProgram = program.compareTo(o.program);
      return byProgram != 0 ? byProgram : account.compareTo(o.account);
    }
  }

  /**
   * Adds the deltas to the balance rows, locking them in key order; answers each row's units after.
   */
  public static Map<Key, Long> addToBalances(Connection c, TreeMap<Key, Delta> deltas)
      throws SQLException {
    if (deltas.isEmpty()) {
      return new HashMap<>();
    }
    if (c.isWrapperFor(PGConnection.class)) {
      return upsertBalances(c, deltas);
    }
    ensureBalanceRows(c, deltas.keySet());
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
                + " WHERE account_id = ? AND program_id = ?")) {
      for (Map.Entry<Key, Delta> entry : deltas.entrySet()) {
        Key k = entry.getKey();
        Delta d = entry.getValue();
        long[] now = current.get(k);
        Instant[] t = times.get(k);
        long units = Math.addExact(now[0], d.units);
        update.setLong(1, units);
        update.setLong(2, now[1] + d.events);
        update.setObject(3, offset(latest(t[0], d.earned)));
        update.setObject(4, offset(latest(t[1], d.spent)));
        update.setObject(5, k.account());
        update.setString(6, k.program());
        update.addBatch();
        after.put(k, units);
      }
      update.executeBatch();
    }
    return after;
  }

  /**
   * Makes the missing balance rows of {@code keys}, empty, in key order, so that the caller can
   * then lock every row it adds to. Two transactions making the same row at once both go on:
   * PostgreSQL skips the conflict; H2 makes the second wait for the first to commit and then
   * refuses the duplicate, which here means "the row is there now" (H2 undoes only that statement).
   */
  public static void ensureBalanceRows(Connection c, Collection<Key> keys) throws SQLException {
    boolean postgres = c.isWrapperFor(PGConnection.class);
    try (PreparedStatement insert =
        c.prepareStatement(
            postgres
                ? "INSERT INTO balance (account_id, program_id, units, events) VALUES (?, ?, 0, 0)"
                    + " ON CONFLICT DO NOTHING"
                : "INSERT INTO balance (account_id, program_id, units, events) SELECT ?, ?, 0, 0"
                    + " WHERE NOT EXISTS (SELECT 1 FROM balance WHERE account_id = ? AND"
                    + " program_id = ?)")) {
      for (Key k : new java.util.TreeSet<>(keys)) {
        insert.setObject(1, k.account());
        insert.setString(2, k.program());
        if (!postgres) {
          insert.setObject(3, k.account());
          insert.setString(4, k.program());
        }
        try {
          insert.executeUpdate();
        } catch (SQLException e) {
          if (postgres || !DUPLICATE_KEY.equals(e.getSQLState())) {
            throw e;
          }
        }
      }
    }
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

  public static java.sql.Array uuids(Connection c, Collection<UUID> ids) throws SQLException {
    return c.createArrayOf("uuid", ids.toArray());
  }

  // --- accounts ---

  /**
   * Each account's root: the account its events count for after following merged_into. Stable for a
   * transaction that holds the merge lock. Accounts the server does not hold are their own root.
   */
  public static Map<UUID, UUID> roots(Connection c, Collection<UUID> accounts) throws SQLException {
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

  public static UUID root(Connection c, UUID account) throws SQLException {
    return roots(c, List.of(account)).get(account);
  }

  /**
   * Merges {@code from} into {@code into}: marks it merged, moves its identifiers and folds its
   * balances into the root of {@code into}. Its events stay as they are and count for the root.
   * Does nothing if that would make a loop.
   */
  public static boolean merge(Connection c, UUID from, UUID into) throws SQLException {
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
    return true;
  }

  /**
   * These accounts as the sync API carries them, with every identifier that points at each (public
   * keys as base64). Accounts the database does not hold are left out.
   */
  public static List<WireAccount> accounts(Connection c, Collection<UUID> ids) throws SQLException {
    Map<UUID, List<WireIdentifier>> identifiers = new HashMap<>();
    Map<UUID, WireAccount> rows = new LinkedHashMap<>();
    for (List<UUID> chunk : chunks(ids)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT account_id, kind, id_value, public_key, linked_at, revoked_at FROM identifier"
                  + " WHERE account_id IN ("
                  + marks(chunk.size())
                  + ") ORDER BY kind, id_value")) {
        bindAll(s, 1, chunk);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            String key = r.getString(4);
            identifiers
                .computeIfAbsent(r.getObject(1, UUID.class), k -> new ArrayList<>())
                .add(
                    new WireIdentifier(
                        r.getString(2),
                        r.getString(3),
                        key == null ? null : Base64.getEncoder().encodeToString(HEX.parseHex(key)),
                        instant(r, 5).toString(),
                        r.getObject(6) == null ? null : instant(r, 6).toString()));
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT id, created_at, created_store, status, merged_into FROM account WHERE id IN ("
                  + marks(chunk.size())
                  + ")")) {
        bindAll(s, 1, chunk);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            UUID id = r.getObject(1, UUID.class);
            rows.put(
                id,
                new WireAccount(
                    id,
                    instant(r, 2).toString(),
                    r.getString(3),
                    r.getString(4),
                    r.getObject(5, UUID.class),
                    List.of()));
          }
        }
      }
    }
    List<WireAccount> out = new ArrayList<>();
    for (WireAccount a : rows.values()) {
      out.add(
          new WireAccount(
              a.id(),
              a.createdAt(),
              a.createdStore(),
              a.status(),
              a.mergedInto(),
              identifiers.getOrDefault(a.id(), List.of())));
    }
    return out;
  }

  // --- helpers ---

  /** SQLSTATE of a unique or primary key violation. */
  private static final String DUPLICATE_KEY = "23505";

  public static <T> List<List<T>> chunks(Collection<T> all) {
    List<T> list = new ArrayList<>(all);
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i += IN_CHUNK) {
      out.add(list.subList(i, Math.min(list.size(), i + IN_CHUNK)));
    }
    return out;
  }

  public static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  public static void bindAll(PreparedStatement s, int first, List<?> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (v == null) {
        s.setNull(first + i, Types.OTHER);
      } else {
        s.setObject(first + i, v);
      }
    }
  }

  /**
   * Inserts one identifier row (the till's replica and the server's app devices; the server's
   * ingest inserts many at once).
   *
   * @param publicKeyHex the app's public key as the store keeps it (hex), or null
   * @param revokedAt when it was revoked, or null
   */
  public static void insertIdentifier(
      Connection c,
      String kind,
      String value,
      UUID account,
      String publicKeyHex,
      Instant linkedAt,
      Instant revokedAt)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO identifier (kind, id_value, account_id, public_key, linked_at,"
                + " revoked_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      s.setString(1, kind);
      s.setString(2, value);
      s.setObject(3, account);
      s.setString(4, publicKeyHex);
      s.setObject(5, offset(linkedAt));
      s.setObject(6, offset(revokedAt));
      s.executeUpdate();
    }
  }

  public static OffsetDateTime offset(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }

  public static Instant instant(ResultSet r, int column) throws SQLException {
    OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  public static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
