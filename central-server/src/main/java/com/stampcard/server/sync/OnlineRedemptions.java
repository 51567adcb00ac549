package com.stampcard.server.sync;

import com.stampcard.core.ledger.EventDraft;
import com.stampcard.core.sync.Problem;
import com.stampcard.core.sync.SpendResponse;
import com.stampcard.server.enrol.TillPrincipal;
import com.stampcard.server.http.ApiException;
import com.stampcard.store.sync.LedgerSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Spends a card online before the till records its redemption: conditional (only when the balance,
 * less the other open online spends, covers it) and idempotent (asking again with the same event id
 * answers the same). The hold lasts until the till's event arrives or the hold TTL passes.
 */
final class OnlineRedemptions {
  private OnlineRedemptions() {}

  static SpendResponse spend(
      Connection c, TillPrincipal till, EventDraft draft, Instant now, Duration holdTtl)
      throws SQLException {
    UUID id = draft.eventId();
    Map<UUID, Ledger.StoredEvent> stored = Ledger.storedEvents(c, List.of(id));
    UUID root = LedgerSql.root(c, draft.account().value());
    String program = draft.program().value();
    if (stored.containsKey(id)) {
      Ledger.StoredEvent e = stored.get(id);
      if (e.quantity() != draft.quantity() || !e.program().equals(program)) {
        throw conflictingRepeat(id);
      }
      return new SpendResponse(id.toString(), available(c, root, program, now, holdTtl));
    }
    long units = Ledger.lockedUnits(c, root, program);
    try (PreparedStatement s =
        c.prepareStatement("SELECT units, program_id FROM online_spend WHERE event_id = ?")) {
      s.setObject(1, id);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          if (r.getLong(1) != -draft.quantity() || !r.getString(2).equals(program)) {
            throw conflictingRepeat(id);
          }
          return new SpendResponse(id.toString(), units - held(c, root, program, now, holdTtl));
        }
      }
    }
    long available = units - held(c, root, program, now, holdTtl);
    if (available < -draft.quantity()) {
      throw new ApiException(
          Problem.of(
                  409,
                  "already-spent",
                  "The card is not full on the server",
                  "The server holds "
                      + available
                      + " units for this card and the redemption needs "
                      + -draft.quantity()
                      + ": it was probably redeemed at another till. Nothing was spent.")
              .withMessageKey("redeem.already-spent"));
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO online_spend (event_id, account_id, program_id, units, till_id, held_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      s.setObject(1, id);
      s.setObject(2, root);
      s.setString(3, program);
      s.setLong(4, -draft.quantity());
      s.setString(5, till.till().value());
      s.setObject(6, LedgerSql.offset(now));
      s.executeUpdate();
    }
    return new SpendResponse(id.toString(), available + draft.quantity());
  }

  private static long available(
      Connection c, UUID root, String program, Instant now, Duration holdTtl) throws SQLException {
    return Ledger.lockedUnits(c, root, program) - held(c, root, program, now, holdTtl);
  }

  private static long held(Connection c, UUID root, String program, Instant now, Duration ttl)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT COALESCE(SUM(units), 0) FROM online_spend WHERE account_id = ?"
                + " AND program_id = ? AND held_at > ?")) {
      s.setObject(1, root);
      s.setString(2, program);
      s.setObject(3, LedgerSql.offset(now.minus(ttl)));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static ApiException conflictingRepeat(UUID id) {
    return ApiException.conflict(
        "event-conflict",
        "This event id was spent with other content",
        "Event "
            + id
            + " was already spent for another program or amount. Make a new event for a new"
            + " redemption.");
  }
}
