package com.stampcard.sync;

import com.stampcard.sync.wire.PullResponse;
import com.stampcard.sync.wire.WireAccount;
import com.stampcard.sync.wire.WireEvent;
import com.stampcard.sync.wire.WireIdentifier;
import com.stampcard.sync.wire.WireOverdraft;
import com.stampcard.sync.wire.WireReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The till's side of replication, in SQL on the store's tables: what is waiting to be pushed, and
 * applying a pulled page together with its cursor in one transaction. Applying is idempotent: an
 * event already held is skipped, so a page applied twice (the till killed before it saved the
 * cursor) changes nothing the second time.
 *
 * <p>Locking matches the store's: balance rows are locked (SELECT ... FOR UPDATE) before they
 * change, so a scan at the counter and an applied page never lose each other's update.
 */
final class TillReplica {
  private static final int MERGE_HOPS = 16;
  private static final int IN_CHUNK = 500;
  private static final HexFormat HEX = HexFormat.of();

  private static final String EVENT_COLUMNS =
      "event_id, account_id, program_id, program_version, type, quantity, store_id, till_id,"
          + " till_seq, cashier_id, occurred_at, hlc, input_method, ref_event_id, reason,"
          + " approved_by, flags";

  private final DataSource db;

  TillReplica(DataSource db) {
    this.db = db;
  }

  /** This till's enrolment and position, if it is enrolled. */
  record State(
      String store,
      String till,
      String credential,
      long ackedSeq,
      String cursor,
      String referenceDigest,
      Optional<Instant> lastSuccess) {}

  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  <T> T inTransaction(Work<T> work) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new SyncException("the till's database failed: " + e.getMessage(), e);
    }
  }

  Optional<State> state() {
    return inTransaction(
        c -> {
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT store_id, till_id, credential, acked_seq, pull_cursor,"
                          + " reference_digest, last_success FROM sync_state WHERE id = 1");
              ResultSet r = s.executeQuery()) {
            if (!r.next()) {
              return Optional.empty();
            }
            return Optional.of(
                new State(
                    r.getString(1),
                    r.getString(2),
                    r.getString(3),
                    r.getLong(4),
                    r.getString(5),
                    r.getString(6),
                    Optional.ofNullable(instant(r, 7))));
          }
        });
  }

  /** Saves a new enrolment; the position with the server starts where the server says. */
  void enrolled(String store, String till, String credential, long ackedSeq) {
    inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement("DELETE FROM sync_state")) {
            s.executeUpdate();
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO sync_state (id, store_id, till_id, credential, acked_seq,"
                      + " pull_cursor, reference_digest) VALUES (1, ?, ?, ?, ?, '', '')")) {
            s.setString(1, store);
            s.setString(2, till);
            s.setString(3, credential);
            s.setLong(4, ackedSeq);
            s.executeUpdate();
          }
          return null;
        });
  }

  /** The server holds every event up to {@code seq}; never moves back. */
  void acked(long seq, Instant at) {
    inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE sync_state SET acked_seq = GREATEST(acked_seq, ?), last_success = ?"
                      + " WHERE id = 1")) {
            s.setLong(1, seq);
            s.setObject(2, offset(at));
            s.executeUpdate();
          }
          return null;
        });
  }

  /** Where the server says it stands: it holds every event of this till up to {@code seq}. */
  void setAcked(long seq) {
    inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("UPDATE sync_state SET acked_seq = ? WHERE id = 1")) {
            s.setLong(1, seq);
            s.executeUpdate();
          }
          return null;
        });
  }

  /** How many of this till's events the server does not hold yet. */
  long waiting(String till) {
    return inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT COALESCE(MAX(e.till_seq), 0) - MAX(s.acked_seq) FROM sync_state s"
                      + " LEFT JOIN ledger_event e ON e.till_id = s.till_id WHERE s.id = 1")) {
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? Math.max(0, r.getLong(1)) : 0L;
            }
          }
        });
  }

  /** The next events to push: this till's, after the acknowledged place, in order. */
  Outbox outbox(String till, long after, int limit) {
    return inTransaction(
        c -> {
          List<WireEvent> events = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT "
                      + EVENT_COLUMNS
                      + " FROM ledger_event WHERE till_id = ? AND till_seq > ?"
                      + " ORDER BY till_seq FETCH FIRST "
                      + limit
                      + " ROWS ONLY")) {
            s.setString(1, till);
            s.setLong(2, after);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                events.add(event(r));
              }
            }
          }
          Set<UUID> accounts = new HashSet<>();
          events.forEach(e -> accounts.add(e.accountId()));
          return new Outbox(events, accounts(c, accounts));
        });
  }

  /** One push's worth. */
  record Outbox(List<WireEvent> events, List<WireAccount> accounts) {}

  private static WireEvent event(ResultSet r) throws SQLException {
    String flags = r.getString(17);
    return new WireEvent(
        r.getObject(1, UUID.class),
        r.getObject(2, UUID.class),
        r.getString(3),
        r.getInt(4),
        r.getString(5),
        r.getLong(6),
        r.getString(7),
        r.getString(8),
        r.getLong(9),
        r.getString(10),
        instant(r, 11).toString(),
        r.getLong(12),
        r.getString(13),
        r.getObject(14, UUID.class),
        r.getString(15),
        r.getString(16),
        flags.isEmpty() ? List.of() : Arrays.asList(flags.split(",")));
  }

  /** Accounts as this till holds them, with their identifiers, as the push sends them. */
  private static List<WireAccount> accounts(Connection c, Collection<UUID> ids)
      throws SQLException {
    List<WireAccount> out = new ArrayList<>();
    for (List<UUID> chunk : chunks(ids)) {
      Map<UUID, List<WireIdentifier>> identifiers = new HashMap<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT account_id, kind, id_value, public_key, linked_at, revoked_at FROM identifier"
                  + " WHERE account_id IN ("
                  + marks(chunk.size())
                  + ") ORDER BY kind, id_value")) {
        bind(s, 1, chunk);
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
        bind(s, 1, chunk);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            UUID id = r.getObject(1, UUID.class);
            if (!r.getString(4).equals("ERASED")) {
              out.add(
                  new WireAccount(
                      id,
                      instant(r, 2).toString(),
                      r.getString(3),
                      r.getString(4),
                      r.getObject(5, UUID.class),
                      identifiers.getOrDefault(id, List.of())));
            }
          }
        }
      }
    }
    return out;
  }

  // --- applying a pulled page ---

  /** What one applied page changed. */
  record Applied(int events, int accounts, int overdrafts) {}

  /**
   * Applies the page and stores its cursor in one transaction: after a crash either both are in the
   * database or neither is.
   */
  Applied apply(PullResponse page) {
    return inTransaction(
        c -> {
          if (page.reference() != null) {
            reference(c, page.reference());
          }
          int accounts = 0;
          for (WireAccount a : page.accounts()) {
            accounts += account(c, a) ? 1 : 0;
          }
          int events = events(c, page.events());
          int overdrafts = overdrafts(c, page.overdrafts());
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE sync_state SET pull_cursor = ?"
                      + (page.reference() != null ? ", reference_digest = ?" : "")
                      + " WHERE id = 1")) {
            s.setString(1, page.cursor());
            if (page.reference() != null) {
              s.setString(2, page.reference().digest());
            }
            if (s.executeUpdate() != 1) {
              throw new SyncException("the till is not enrolled: no sync state to save", null);
            }
          }
          return new Applied(events, accounts, overdrafts);
        });
  }

  private static void reference(Connection c, WireReference ref) throws SQLException {
    for (WireReference.Program p : ref.programs()) {
      try (PreparedStatement s =
          c.prepareStatement("SELECT 1 FROM program WHERE id = ? AND version >= ?")) {
        s.setString(1, p.id());
        s.setInt(2, p.version());
        try (ResultSet r = s.executeQuery()) {
          if (r.next()) {
            continue;
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO program (id, version, kind, definition, saved_at)"
                  + " VALUES (?, ?, ?, ?, ?)")) {
        s.setString(1, p.id());
        s.setInt(2, p.version());
        s.setString(3, p.kind());
        s.setString(4, p.definition());
        s.setObject(5, offset(Instant.now()));
        s.executeUpdate();
      }
    }
    for (WireReference.Staff m : ref.staff()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE staff SET name = ?, role = ?, pin_hash = ?, programs = ?, active = ?"
                  + " WHERE id = ?")) {
        s.setString(1, m.name());
        s.setString(2, m.role());
        s.setString(3, m.pinHash());
        s.setString(4, m.programs());
        s.setBoolean(5, m.active());
        s.setString(6, m.id());
        if (s.executeUpdate() == 0) {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO staff (id, name, role, pin_hash, programs, active, failed_logins)"
                      + " VALUES (?, ?, ?, ?, ?, ?, 0)")) {
            insert.setString(1, m.id());
            insert.setString(2, m.name());
            insert.setString(3, m.role());
            insert.setString(4, m.pinHash());
            insert.setString(5, m.programs());
            insert.setBoolean(6, m.active());
            insert.executeUpdate();
          }
        }
      }
    }
    for (WireReference.Store st : ref.stores()) {
      try (PreparedStatement s =
          c.prepareStatement("UPDATE sync_store SET name = ?, zone = ? WHERE id = ?")) {
        s.setString(1, st.name());
        s.setString(2, st.zone());
        s.setString(3, st.id());
        if (s.executeUpdate() == 0) {
          try (PreparedStatement insert =
              c.prepareStatement("INSERT INTO sync_store (id, name, zone) VALUES (?, ?, ?)")) {
            insert.setString(1, st.id());
            insert.setString(2, st.name());
            insert.setString(3, st.zone());
            insert.executeUpdate();
          }
        }
      }
    }
  }

  /** Brings an account and its identifiers to the server's state; true if anything changed. */
  private static boolean account(Connection c, WireAccount a) throws SQLException {
    boolean changed = false;
    String local = null;
    try (PreparedStatement s =
        c.prepareStatement("SELECT status FROM account WHERE id = ? FOR UPDATE")) {
      s.setObject(1, a.id());
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          local = r.getString(1);
        }
      }
    }
    if (local == null) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO account (id, created_at, created_store, status, merged_into)"
                  + " VALUES (?, ?, ?, 'ACTIVE', NULL)")) {
        s.setObject(1, a.id());
        s.setObject(2, offset(Instant.parse(a.createdAt())));
        s.setString(3, a.createdStore());
        s.executeUpdate();
      }
      local = "ACTIVE";
      changed = true;
    }
    if (a.status().equals("MERGED") && local.equals("ACTIVE")) {
      changed |= merge(c, a.id(), a.mergedInto());
    }
    for (WireIdentifier i : a.identifiers()) {
      changed |= identifier(c, a.id(), i);
    }
    return changed;
  }

  private static boolean identifier(Connection c, UUID account, WireIdentifier i)
      throws SQLException {
    UUID held = null;
    boolean revoked = false;
    boolean found = false;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT account_id, revoked_at FROM identifier WHERE kind = ? AND id_value = ?"
                + " FOR UPDATE")) {
      s.setString(1, i.kind());
      s.setString(2, i.value());
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          found = true;
          held = r.getObject(1, UUID.class);
          revoked = r.getObject(2) != null;
        }
      }
    }
    String key =
        i.publicKey() == null ? null : HEX.formatHex(Base64.getDecoder().decode(i.publicKey()));
    if (!found) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO identifier (kind, id_value, account_id, public_key, linked_at,"
                  + " revoked_at) VALUES (?, ?, ?, ?, ?, ?)")) {
        s.setString(1, i.kind());
        s.setString(2, i.value());
        s.setObject(3, account);
        s.setString(4, key);
        s.setObject(5, offset(Instant.parse(i.linkedAt())));
        s.setObject(6, i.revokedAt() == null ? null : offset(Instant.parse(i.revokedAt())));
        s.executeUpdate();
      }
      return true;
    }
    boolean relink = !account.equals(held);
    boolean revoke = i.revokedAt() != null && !revoked;
    if (relink || revoke) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE identifier SET account_id = ?, revoked_at = COALESCE(revoked_at, ?)"
                  + " WHERE kind = ? AND id_value = ?")) {
        s.setObject(1, account);
        s.setObject(2, i.revokedAt() == null ? null : offset(Instant.parse(i.revokedAt())));
        s.setString(3, i.kind());
        s.setString(4, i.value());
        s.executeUpdate();
      }
      return true;
    }
    return false;
  }

  /** The server merged {@code from} into {@code into}: the till follows. */
  private static boolean merge(Connection c, UUID from, UUID into) throws SQLException {
    UUID root = roots(c, List.of(into)).get(into);
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
          d.units = r.getLong(2);
          d.events = r.getLong(3);
          d.earned = instant(r, 4);
          d.spent = instant(r, 5);
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

  /** Inserts the events this till does not hold and folds them into the balances. */
  private static int events(Connection c, List<WireEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return 0;
    }
    Set<UUID> held = new HashSet<>();
    for (List<UUID> chunk : chunks(events.stream().map(WireEvent::eventId).toList())) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT event_id FROM ledger_event WHERE event_id IN ("
                  + marks(chunk.size())
                  + ")")) {
        bind(s, 1, chunk);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            held.add(r.getObject(1, UUID.class));
          }
        }
      }
    }
    List<WireEvent> fresh = new ArrayList<>();
    Set<UUID> inPage = new HashSet<>();
    for (WireEvent e : events) {
      if (!held.contains(e.eventId()) && inPage.add(e.eventId())) {
        fresh.add(e);
      }
    }
    if (fresh.isEmpty()) {
      return 0;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO ledger_event ("
                + EVENT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (WireEvent e : fresh) {
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
        s.setString(17, e.flags() == null ? "" : String.join(",", e.flags()));
        s.addBatch();
      }
      s.executeBatch();
    }
    Map<UUID, UUID> roots = roots(c, fresh.stream().map(WireEvent::accountId).distinct().toList());
    TreeMap<Key, Delta> deltas = new TreeMap<>();
    for (WireEvent e : fresh) {
      deltas
          .computeIfAbsent(new Key(roots.get(e.accountId()), e.programId()), k -> new Delta())
          .add(e);
    }
    addToBalances(c, deltas);
    return fresh.size();
  }

  private static int overdrafts(Connection c, List<WireOverdraft> overdrafts) throws SQLException {
    int added = 0;
    for (WireOverdraft o : overdrafts) {
      try (PreparedStatement s =
          c.prepareStatement("SELECT 1 FROM sync_overdraft WHERE event_id = ?")) {
        s.setObject(1, o.eventId());
        try (ResultSet r = s.executeQuery()) {
          if (r.next()) {
            continue;
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO sync_overdraft (event_id, account_id, program_id, store_id, till_id,"
                  + " units_after, found_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        s.setObject(1, o.eventId());
        s.setObject(2, o.accountId());
        s.setString(3, o.programId());
        s.setString(4, o.storeId());
        s.setString(5, o.tillId());
        s.setLong(6, o.unitsAfter());
        s.setObject(7, offset(Instant.parse(o.foundAt())));
        s.executeUpdate();
        added++;
      }
    }
    return added;
  }

  /** The overdrafts the server reported, newest first. */
  List<Overdraft> overdrafts() {
    return inTransaction(
        c -> {
          List<Overdraft> out = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT event_id, account_id, program_id, till_id, units_after, found_at"
                          + " FROM sync_overdraft ORDER BY found_at DESC, event_id");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              out.add(
                  new Overdraft(
                      r.getObject(1, UUID.class),
                      r.getObject(2, UUID.class),
                      r.getString(3),
                      r.getString(4),
                      r.getLong(5),
                      instant(r, 6)));
            }
          }
          return out;
        });
  }

  // --- balances ---

  private record Key(UUID account, String program) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int byAccount = account.compareTo(o.account);
      return byAccount != 0 ? byAccount : program.compareTo(o.program);
    }
  }

  private static final class Delta {
    long units;
    long events;
    Instant earned;
    Instant spent;

    void add(WireEvent e) {
      units = Math.addExact(units, e.quantity());
      events++;
      Instant at = Instant.parse(e.occurredAt());
      if (e.type().equals("STAMP") || e.type().equals("POINTS_EARN")) {
        earned = latest(earned, at);
      } else if (e.type().equals("REDEEM") || e.type().equals("POINTS_SPEND")) {
        spent = latest(spent, at);
      }
    }
  }

  private static void addToBalances(Connection c, TreeMap<Key, Delta> deltas) throws SQLException {
    for (Map.Entry<Key, Delta> entry : deltas.entrySet()) {
      Key k = entry.getKey();
      Delta d = entry.getValue();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT units, events, last_earned_at, last_spent_at FROM balance"
                  + " WHERE account_id = ? AND program_id = ? FOR UPDATE")) {
        s.setObject(1, k.account());
        s.setString(2, k.program());
        try (ResultSet r = s.executeQuery()) {
          if (r.next()) {
            try (PreparedStatement u =
                c.prepareStatement(
                    "UPDATE balance SET units = ?, events = ?, last_earned_at = ?,"
                        + " last_spent_at = ? WHERE account_id = ? AND program_id = ?")) {
              u.setLong(1, Math.addExact(r.getLong(1), d.units));
              u.setLong(2, r.getLong(2) + d.events);
              u.setObject(3, offset(latest(instant(r, 3), d.earned)));
              u.setObject(4, offset(latest(instant(r, 4), d.spent)));
              u.setObject(5, k.account());
              u.setString(6, k.program());
              u.executeUpdate();
            }
            continue;
          }
        }
      }
      try (PreparedStatement i =
          c.prepareStatement(
              "INSERT INTO balance (account_id, program_id, units, events, last_earned_at,"
                  + " last_spent_at) VALUES (?, ?, ?, ?, ?, ?)")) {
        i.setObject(1, k.account());
        i.setString(2, k.program());
        i.setLong(3, d.units);
        i.setLong(4, d.events);
        i.setObject(5, offset(d.earned));
        i.setObject(6, offset(d.spent));
        i.executeUpdate();
      }
    }
  }

  private static Map<UUID, UUID> roots(Connection c, Collection<UUID> accounts)
      throws SQLException {
    Map<UUID, UUID> mergedInto = new LinkedHashMap<>();
    Set<UUID> frontier = new HashSet<>(accounts);
    for (int hop = 0; hop < MERGE_HOPS && !frontier.isEmpty(); hop++) {
      Set<UUID> next = new HashSet<>();
      for (List<UUID> chunk : chunks(frontier)) {
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT id, merged_into FROM account WHERE merged_into IS NOT NULL AND id IN ("
                    + marks(chunk.size())
                    + ")")) {
          bind(s, 1, chunk);
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              UUID target = r.getObject(2, UUID.class);
              mergedInto.put(r.getObject(1, UUID.class), target);
              next.add(target);
            }
          }
        }
      }
      next.removeAll(mergedInto.keySet());
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

  // --- helpers ---

  private static <T> List<List<T>> chunks(Collection<T> all) {
    List<T> list = new ArrayList<>(all);
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i += IN_CHUNK) {
      out.add(list.subList(i, Math.min(list.size(), i + IN_CHUNK)));
    }
    return out;
  }

  private static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  private static void bind(PreparedStatement s, int first, List<?> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      s.setObject(first + i, values.get(i));
    }
  }

  private static OffsetDateTime offset(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet r, int column) throws SQLException {
    OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
