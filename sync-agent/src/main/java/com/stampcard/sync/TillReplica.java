package com.stampcard.sync;

import static com.stampcard.store.sync.LedgerSql.bindAll;
import static com.stampcard.store.sync.LedgerSql.chunks;
import static com.stampcard.store.sync.LedgerSql.instant;
import static com.stampcard.store.sync.LedgerSql.marks;
import static com.stampcard.store.sync.LedgerSql.offset;

import com.stampcard.core.sync.PullResponse;
import com.stampcard.core.sync.WireAccount;
import com.stampcard.core.sync.WireEvent;
import com.stampcard.core.sync.WireIdentifier;
import com.stampcard.core.sync.WireOverdraft;
import com.stampcard.core.sync.WireReference;
import com.stampcard.store.sync.LedgerSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
  private static final HexFormat HEX = HexFormat.of();

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
                      + LedgerSql.EVENT_COLUMNS
                      + " FROM ledger_event WHERE till_id = ? AND till_seq > ?"
                      + " ORDER BY till_seq FETCH FIRST "
                      + limit
                      + " ROWS ONLY")) {
            s.setString(1, till);
            s.setLong(2, after);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                events.add(LedgerSql.event(r, 1));
              }
            }
          }
          Set<UUID> accounts = new HashSet<>();
          events.forEach(e -> accounts.add(e.accountId()));
          // the server opens accounts and carries out merges; only it erases
          List<WireAccount> named =
              LedgerSql.accounts(c, accounts).stream()
                  .filter(a -> !a.status().equals("ERASED"))
                  .toList();
          return new Outbox(events, named);
        });
  }

  /** One push's worth. */
  record Outbox(List<WireEvent> events, List<WireAccount> accounts) {}

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
      changed |= LedgerSql.merge(c, a.id(), a.mergedInto());
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
      LedgerSql.insertIdentifier(
          c,
          i.kind(),
          i.value(),
          account,
          key,
          Instant.parse(i.linkedAt()),
          i.revokedAt() == null ? null : Instant.parse(i.revokedAt()));
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
        bindAll(s, 1, chunk);
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
    LedgerSql.insertEvents(c, fresh);
    LedgerSql.fold(c, fresh);
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
}
