package com.stampcard.server.sync;

import com.stampcard.core.account.Account;
import com.stampcard.core.account.AccountStatus;
import com.stampcard.core.account.Identifier;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.sync.WireEvent;
import com.stampcard.server.api.WireMapping;
import com.stampcard.server.api.WireMapping.AccountState;
import com.stampcard.server.enrol.TillPrincipal;
import com.stampcard.server.http.ApiException;
import com.stampcard.store.sync.LedgerSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Stores one push from a till in the caller's transaction: its accounts and identifiers, then its
 * events, each once. A repeat of an event already held changes nothing; an event that claims a
 * place held by another event, or an id held with other content, is refused whole.
 */
final class Ingest {
  private Ingest() {}

  /** What a push did. */
  record Result(long ackedSeq, int inserted, boolean changed) {}

  /**
   * The push must merge accounts but its transaction holds the merge lock only shared: run it again
   * holding it exclusively (docs/decisions/0404-ingest-locking.md).
   */
  static final class MergeNeeded extends RuntimeException {
    MergeNeeded() {
      super("this push merges accounts", null, false, false);
    }
  }

  /**
   * Stores the push. The transaction holds the merge lock (shared, or exclusive when {@code
   * mayMerge}); a push that turns out to need a merge without it throws {@link MergeNeeded}.
   *
   * <p>Order matters for throughput: the till's row first (one push per till at a time), then the
   * work that needs no shared row lock (accounts and identifiers as read, the events), and the
   * balance rows, which concurrent pushes of one store share, last, so they are held only from
   * there to the commit. Balance rows are locked in key order, so pushes never deadlock.
   */
  static Result push(
      Connection c,
      TillPrincipal till,
      List<AccountState> accounts,
      List<LedgerEvent> events,
      Instant now,
      boolean mayMerge)
      throws SQLException {
    long contiguous = lockTill(c, till);
    boolean changed = upsertAccounts(c, till, accounts, now, mayMerge);
    List<LedgerEvent> fresh = newEvents(c, till, events);
    List<WireEvent> rows = fresh.stream().map(WireMapping::wire).toList();
    insertEvents(c, rows);
    long acked = advance(c, till, contiguous);
    if (!fresh.isEmpty()) {
      changed = true;
      foldIntoBalances(c, fresh, rows, now);
    }
    return new Result(acked, fresh.size(), changed);
  }

  private static long lockTill(Connection c, TillPrincipal till) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT contiguous_seq, revoked_at FROM till WHERE till_id = ? FOR UPDATE")) {
      s.setString(1, till.till().value());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next() || r.getObject(2) != null) {
          throw ApiException.unauthorized(
              "Till " + till.till() + " is not enrolled or was revoked. Enrol it again.");
        }
        return r.getLong(1);
      }
    }
  }

  /**
   * The events this server does not hold yet; refuses conflicting ones. Reads the places the push
   * claims in the till's sequence (a range scan of its unique index): a place holding the same
   * event is a repeat, a place holding another event a conflict. An id the server holds at another
   * place is found by the primary key when the events are inserted ({@link EventIdTaken}).
   */
  private static List<LedgerEvent> newEvents(
      Connection c, TillPrincipal till, List<LedgerEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return List.of();
    }
    Map<Long, Ledger.StoredEvent> places =
        Ledger.eventsAtSeqs(
            c, till.till().value(), events.stream().map(LedgerEvent::tillSeq).toList());
    List<LedgerEvent> fresh = new ArrayList<>();
    for (LedgerEvent e : events) {
      Ledger.StoredEvent held = places.get(e.tillSeq());
      if (held == null) {
        fresh.add(e);
      } else if (!held.eventId().equals(e.eventId())) {
        throw ApiException.conflict(
            "till-seq-taken",
            "This place in the till's sequence holds another event",
            "till_seq "
                + e.tillSeq()
                + " of till "
                + till.till()
                + " is event "
                + held.eventId()
                + ", not "
                + e.eventId()
                + ". Was the till's database replaced? Enrol a replaced till under a new till id."
                + " Nothing was stored.");
      } else if (!held.sameAs(e)) {
        throw changedEvent(e, held);
      }
    }
    return fresh;
  }

  private static ApiException changedEvent(LedgerEvent e, Ledger.StoredEvent held) {
    return ApiException.conflict(
        "event-conflict",
        "An event with this id is stored with other content",
        "Event "
            + e.eventId()
            + " is stored as till "
            + held.till()
            + " #"
            + held.tillSeq()
            + ", "
            + held.type()
            + " "
            + held.quantity()
            + "; this push says otherwise. Events never change: nothing was stored.");
  }

  /** An event's id is held by an event at another place: the push is refused whole. */
  static final class EventIdTaken extends RuntimeException {
    EventIdTaken(SQLException cause) {
      super("an event id of the push is taken", cause, false, false);
    }
  }

  private static void insertEvents(Connection c, List<WireEvent> rows) throws SQLException {
    try {
      LedgerSql.insertEvents(c, rows);
    } catch (SQLException e) {
      // The places were free (checked under the till's lock), so a duplicate key is an id that
      // another event holds: not a race to retry.
      if ("23505".equals(e.getSQLState())
          || (e.getNextException() != null && "23505".equals(e.getNextException().getSQLState()))) {
        throw new EventIdTaken(e);
      }
      throw e;
    }
  }

  /** The answer to a push refused with {@link EventIdTaken}, naming the event; read-only. */
  static ApiException takenIdConflict(Connection c, List<LedgerEvent> events) throws SQLException {
    Map<UUID, Ledger.StoredEvent> stored =
        Ledger.storedEvents(c, events.stream().map(LedgerEvent::eventId).toList());
    for (LedgerEvent e : events) {
      Ledger.StoredEvent held = stored.get(e.eventId());
      if (held != null && !held.sameAs(e)) {
        return changedEvent(e, held);
      }
    }
    return ApiException.conflict(
        "event-conflict",
        "An event id in this push is stored for another event",
        "Event ids never repeat. Was this till's database copied from another till? Nothing was"
            + " stored.");
  }

  /** Adds the new events to the balances; lists a spend that took one below zero. */
  private static void foldIntoBalances(
      Connection c, List<LedgerEvent> fresh, List<WireEvent> rows, Instant now)
      throws SQLException {
    LedgerSql.Folded folded = LedgerSql.fold(c, rows);
    Map<LedgerSql.Key, Long> after = folded.unitsAfter();
    List<UUID> spends =
        fresh.stream().filter(e -> e.type().spends()).map(LedgerEvent::eventId).toList();
    if (spends.isEmpty()) {
      return;
    }
    settleHolds(c, spends);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO overdraft_review (event_id, account_id, program_id, store_id, till_id,"
                + " units_after, found_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      boolean any = false;
      for (LedgerEvent e : fresh) {
        LedgerSql.Key key = folded.keyOf(e.account().value(), e.program().value());
        if (e.type().spends() && after.get(key) < 0) {
          s.setObject(1, e.eventId());
          s.setObject(2, key.account());
          s.setString(3, key.program());
          s.setString(4, e.store().value());
          s.setString(5, e.till().value());
          s.setLong(6, after.get(key));
          s.setObject(7, LedgerSql.offset(now));
          s.addBatch();
          Ledger.feed(c, "OVERDRAFT", e.eventId().toString());
          any = true;
        }
      }
      if (any) {
        s.executeBatch();
      }
    }
  }

  /** The events of online redemptions have arrived: their holds are settled. */
  private static void settleHolds(Connection c, List<UUID> spends) throws SQLException {
    for (List<UUID> chunk : LedgerSql.chunks(spends)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "DELETE FROM online_spend WHERE event_id IN ("
                  + LedgerSql.marks(chunk.size())
                  + ")")) {
        LedgerSql.bindAll(s, 1, chunk);
        s.executeUpdate();
      }
    }
  }

  /** Moves the till's contiguous mark over every event now held after it. */
  private static long advance(Connection c, TillPrincipal till, long from) throws SQLException {
    long contiguous = from;
    boolean more = true;
    while (more) {
      more = false;
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT till_seq FROM ledger_event WHERE till_id = ? AND till_seq > ?"
                  + " ORDER BY till_seq FETCH FIRST 5000 ROWS ONLY")) {
        s.setString(1, till.till().value());
        s.setLong(2, contiguous);
        try (ResultSet r = s.executeQuery()) {
          int seen = 0;
          boolean gap = false;
          while (r.next() && !gap) {
            seen++;
            if (r.getLong(1) == contiguous + 1) {
              contiguous++;
            } else {
              gap = true;
            }
          }
          more = !gap && seen == 5000;
        }
      }
    }
    if (contiguous != from) {
      try (PreparedStatement s =
          c.prepareStatement("UPDATE till SET contiguous_seq = ? WHERE till_id = ?")) {
        s.setLong(1, contiguous);
        s.setString(2, till.till().value());
        s.executeUpdate();
      }
    }
    return contiguous;
  }

  /**
   * Stores accounts and their identifiers as the till knows them. The server's state wins, except
   * that a merge done at a till is carried out here too, and an identifier revoked at a till is
   * revoked here. One identifier on two accounts (two tills opened an account for one new card
   * while offline) merges the younger account into the older one, which every till then follows.
   * The common case, accounts and identifiers the server holds as sent, costs two queries.
   */
  private static boolean upsertAccounts(
      Connection c, TillPrincipal till, List<AccountState> states, Instant now, boolean mayMerge)
      throws SQLException {
    Map<UUID, AccountStatus> stored =
        Ledger.statuses(c, states.stream().map(a -> a.account().id().value()).toList());
    List<Account> opened = new ArrayList<>();
    for (AccountState state : states) {
      Account a = state.account();
      if (!stored.containsKey(a.id().value()) && !a.createdAtStore().equals(till.store())) {
        throw ApiException.forbidden(
            "Account "
                + a.id()
                + " is new to the server and says it was opened at store "
                + a.createdAtStore()
                + "; till "
                + till.till()
                + " may open accounts only at store "
                + till.store()
                + ". Nothing was stored.");
      }
      if (!stored.containsKey(a.id().value())) {
        opened.add(
            new Account(
                a.id(), a.createdAt(), a.createdAtStore(), AccountStatus.ACTIVE, Optional.empty()));
      }
    }
    List<UUID> inserted = Ledger.insertAccounts(c, opened);
    Ledger.feed(c, "ACCOUNT", inserted.stream().map(UUID::toString).toList());
    boolean changed = !inserted.isEmpty();
    for (AccountState state : states) {
      Account a = state.account();
      boolean activeHere =
          stored.getOrDefault(a.id().value(), AccountStatus.ACTIVE) == AccountStatus.ACTIVE;
      if (a.status() == AccountStatus.MERGED && activeHere) {
        if (!mayMerge) {
          throw new MergeNeeded();
        }
        changed |= Ledger.merge(c, a.id().value(), a.mergedInto().orElseThrow().value());
      }
    }
    TreeMap<Ledger.IdentifierKey, Identifier> sent = new TreeMap<>();
    for (AccountState state : states) {
      for (Identifier i : state.identifiers()) {
        sent.putIfAbsent(Ledger.IdentifierKey.of(i), i);
      }
    }
    if (sent.isEmpty()) {
      return changed;
    }
    // Most pushes repeat identifiers the server holds as sent: read them without locking, and lock
    // (and read again) only those that would change.
    Map<Ledger.IdentifierKey, Ledger.HeldIdentifier> held =
        Ledger.identifiers(c, sent.keySet(), false);
    List<Ledger.IdentifierKey> changing = new ArrayList<>();
    for (Map.Entry<Ledger.IdentifierKey, Identifier> e : sent.entrySet()) {
      Ledger.HeldIdentifier h = held.get(e.getKey());
      if (h == null
          || !h.account().equals(e.getValue().account().value())
          || differs(e.getValue(), h)) {
        changing.add(e.getKey());
      }
    }
    if (changing.isEmpty()) {
      return changed;
    }
    held = Ledger.identifiers(c, changing, true);
    List<Identifier> linked = new ArrayList<>();
    for (Ledger.IdentifierKey key : changing) {
      Identifier i = sent.get(key);
      Ledger.HeldIdentifier h = held.get(key);
      if (h == null) {
        linked.add(i);
      } else {
        changed |= reconcile(c, i, h, now, mayMerge);
      }
    }
    List<Ledger.IdentifierKey> added = Ledger.insertIdentifiers(c, linked);
    Ledger.feed(
        c,
        "ACCOUNT",
        added.stream().map(k -> sent.get(k).account().value().toString()).distinct().toList());
    changed |= !added.isEmpty();
    // linked by another push meanwhile: now held, so reconciled like any held identifier
    List<Ledger.IdentifierKey> raced =
        linked.stream().map(Ledger.IdentifierKey::of).filter(k -> !added.contains(k)).toList();
    if (!raced.isEmpty()) {
      held = Ledger.identifiers(c, raced, true);
      for (Ledger.IdentifierKey key : raced) {
        changed |= reconcile(c, sent.get(key), held.get(key), now, mayMerge);
      }
    }
    return changed;
  }

  /** Whether the till's copy of an identifier says something the server's does not. */
  private static boolean differs(Identifier sent, Ledger.HeldIdentifier held) {
    return sent.revoked() && !held.revoked();
  }

  /** An identifier the server holds, as a till sent it: follows a claim by another account. */
  private static boolean reconcile(
      Connection c, Identifier sent, Ledger.HeldIdentifier held, Instant now, boolean mayMerge)
      throws SQLException {
    if (!held.account().equals(sent.account().value())) {
      UUID heldRoot = LedgerSql.root(c, held.account());
      UUID claimedRoot = LedgerSql.root(c, sent.account().value());
      if (!heldRoot.equals(claimedRoot)) {
        if (!mayMerge) {
          throw new MergeNeeded();
        }
        // UUIDv7: the smaller id is the older account, the one both are known by from now on.
        UUID older = heldRoot.compareTo(claimedRoot) < 0 ? heldRoot : claimedRoot;
        UUID younger = older.equals(heldRoot) ? claimedRoot : heldRoot;
        return Ledger.merge(c, younger, older);
      }
    }
    if (sent.revoked() && !held.revoked()) {
      Ledger.revokeIdentifier(c, sent, sent.revokedAt().orElse(now));
      Ledger.feed(c, "ACCOUNT", held.account().toString());
      return true;
    }
    return false;
  }
}
