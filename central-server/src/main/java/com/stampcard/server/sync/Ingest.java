package com.stampcard.server.sync;

import com.stampcard.core.account.Account;
import com.stampcard.core.account.AccountStatus;
import com.stampcard.core.account.Identifier;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.server.api.WireMapping.AccountState;
import com.stampcard.server.enrol.TillPrincipal;
import com.stampcard.server.http.ApiException;
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

  static Result push(
      Connection c,
      TillPrincipal till,
      List<AccountState> accounts,
      List<LedgerEvent> events,
      Instant now)
      throws SQLException {
    // One push per till at a time: this lock orders them, so the till's own events never race.
    long contiguous = lockTill(c, till);
    boolean changed = false;
    for (AccountState a : accounts) {
      changed |= upsertAccount(c, till, a, now);
    }
    List<LedgerEvent> fresh = newEvents(c, till, events);
    Ledger.insertEvents(c, fresh);
    if (!fresh.isEmpty()) {
      changed = true;
      foldIntoBalances(c, fresh, now);
    }
    long acked = advance(c, till, contiguous);
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

  /** The events this server does not hold yet; refuses conflicting ones. */
  private static List<LedgerEvent> newEvents(
      Connection c, TillPrincipal till, List<LedgerEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return List.of();
    }
    Map<UUID, Ledger.StoredEvent> stored =
        Ledger.storedEvents(c, events.stream().map(LedgerEvent::eventId).toList());
    List<LedgerEvent> fresh = new ArrayList<>();
    for (LedgerEvent e : events) {
      Ledger.StoredEvent held = stored.get(e.eventId());
      if (held == null) {
        fresh.add(e);
      } else if (!held.sameAs(e)) {
        throw ApiException.conflict(
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
    }
    Map<Long, UUID> places =
        Ledger.eventsAtSeqs(
            c, till.till().value(), fresh.stream().map(LedgerEvent::tillSeq).toList());
    for (LedgerEvent e : fresh) {
      UUID holder = places.get(e.tillSeq());
      if (holder != null) {
        throw ApiException.conflict(
            "till-seq-taken",
            "This place in the till's sequence holds another event",
            "till_seq "
                + e.tillSeq()
                + " of till "
                + till.till()
                + " is event "
                + holder
                + ", not "
                + e.eventId()
                + ". Was the till's database replaced? Enrol a replaced till under a new till id."
                + " Nothing was stored.");
      }
    }
    return fresh;
  }

  private static void foldIntoBalances(Connection c, List<LedgerEvent> fresh, Instant now)
      throws SQLException {
    Map<UUID, UUID> roots =
        Ledger.roots(c, fresh.stream().map(e -> e.account().value()).distinct().toList());
    TreeMap<Ledger.Key, Ledger.Delta> deltas = new TreeMap<>();
    List<UUID> spends = new ArrayList<>();
    for (LedgerEvent e : fresh) {
      Ledger.Key key = new Ledger.Key(roots.get(e.account().value()), e.program().value());
      deltas.computeIfAbsent(key, k -> new Ledger.Delta()).add(e);
      if (e.type().spends()) {
        spends.add(e.eventId());
      }
    }
    Map<Ledger.Key, Long> after = Ledger.addToBalances(c, deltas);
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
        Ledger.Key key = new Ledger.Key(roots.get(e.account().value()), e.program().value());
        if (e.type().spends() && after.get(key) < 0) {
          s.setObject(1, e.eventId());
          s.setObject(2, key.account());
          s.setString(3, key.program());
          s.setString(4, e.store().value());
          s.setString(5, e.till().value());
          s.setLong(6, after.get(key));
          s.setObject(7, Ledger.offset(now));
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
    for (List<UUID> chunk : Ledger.chunks(spends)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "DELETE FROM online_spend WHERE event_id IN (" + Ledger.marks(chunk.size()) + ")")) {
        Ledger.bindAll(s, 1, chunk);
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
   * Stores an account and its identifiers as the till knows them. The server's state wins, except
   * that a merge done at a till is carried out here too, and an identifier revoked at a till is
   * revoked here. One identifier on two accounts (two tills opened an account for one new card
   * while offline) merges the younger account into the older one, which every till then follows.
   */
  private static boolean upsertAccount(
      Connection c, TillPrincipal till, AccountState state, Instant now) throws SQLException {
    Account a = state.account();
    UUID id = a.id().value();
    boolean changed = false;
    Optional<Account> stored = Ledger.lockedAccount(c, id);
    if (stored.isEmpty()) {
      if (!a.createdAtStore().equals(till.store())) {
        throw ApiException.forbidden(
            "Account "
                + id
                + " is new to the server and says it was opened at store "
                + a.createdAtStore()
                + "; till "
                + till.till()
                + " may open accounts only at store "
                + till.store()
                + ". Nothing was stored.");
      }
      Ledger.insertAccount(
          c,
          new Account(
              a.id(), a.createdAt(), a.createdAtStore(), AccountStatus.ACTIVE, Optional.empty()));
      Ledger.feed(c, "ACCOUNT", id.toString());
      changed = true;
    }
    if (a.status() == AccountStatus.MERGED
        && stored.map(s -> s.status() == AccountStatus.ACTIVE).orElse(true)) {
      changed |= Ledger.merge(c, id, a.mergedInto().orElseThrow().value());
    }
    for (Identifier i : state.identifiers()) {
      changed |= upsertIdentifier(c, i, now);
    }
    return changed;
  }

  private static boolean upsertIdentifier(Connection c, Identifier i, Instant now)
      throws SQLException {
    Optional<Identifier> stored = Ledger.lockedIdentifier(c, i.kind().name(), i.value());
    if (stored.isEmpty()) {
      Ledger.insertIdentifier(c, i);
      Ledger.feed(c, "ACCOUNT", i.account().value().toString());
      return true;
    }
    Identifier held = stored.get();
    UUID heldRoot = Ledger.root(c, held.account().value());
    UUID claimedRoot = Ledger.root(c, i.account().value());
    if (!heldRoot.equals(claimedRoot)) {
      // UUIDv7: the smaller id is the older account, the one both are known by from now on.
      UUID older = heldRoot.compareTo(claimedRoot) < 0 ? heldRoot : claimedRoot;
      UUID younger = older.equals(heldRoot) ? claimedRoot : heldRoot;
      return Ledger.merge(c, younger, older);
    }
    if (i.revoked() && !held.revoked()) {
      Ledger.revokeIdentifier(c, i, i.revokedAt().orElse(now));
      Ledger.feed(c, "ACCOUNT", held.account().value().toString());
      return true;
    }
    return false;
  }
}
