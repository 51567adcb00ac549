package com.stampcard.server.sync;

import com.stampcard.core.shop.StoreId;
import com.stampcard.core.sync.PullResponse;
import com.stampcard.core.sync.WireEvent;
import com.stampcard.core.sync.WireOverdraft;
import com.stampcard.core.sync.WireReference;
import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.enrol.TillPrincipal;
import com.stampcard.store.sync.LedgerSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Pages of changes after a cursor. Only rows of finished transactions are handed out (feed_xid
 * below {@link ServerDatabase#visibleBelow}), in (feed_xid, feed_pos) order, so a transaction that
 * commits late is never passed over. A till gets the events of the programs that run at its store
 * (not its own: it has them), every account change, and the overdrafts of its store's programs.
 */
public final class ChangeFeed {
  private final ServerDatabase db;
  private final ReferenceData reference;
  private final int pageSize;

  public ChangeFeed(ServerDatabase db, ReferenceData reference, int pageSize) {
    this.db = db;
    this.reference = reference;
    this.pageSize = pageSize;
  }

  public PullResponse pull(TillPrincipal till, String cursorText, String knownReference) {
    Cursor cursor = Cursor.parse(cursorText);
    Set<String> programs = reference.programsAt(till.store());
    WireReference ref = reference.forStore(till.store());
    WireReference sent = ref.digest().equals(knownReference) ? null : ref;
    return db.read(
        c -> {
          long below = db.visibleBelow(c);
          List<WireEvent> events = new ArrayList<>();
          long[] eventAt = {cursor.eventXid(), cursor.eventPos()};
          int scanned = events(c, cursor, below, till, programs, events, eventAt);
          long[] changeAt = {cursor.changeXid(), cursor.changePos()};
          Set<UUID> accounts = new LinkedHashSet<>();
          Set<UUID> overdrafts = new LinkedHashSet<>();
          int changes = changes(c, cursor, below, accounts, overdrafts, changeAt);
          return new PullResponse(
              events,
              LedgerSql.accounts(c, accounts),
              overdrafts(c, overdrafts, programs),
              sent,
              new Cursor(eventAt[0], eventAt[1], changeAt[0], changeAt[1]).encode(),
              scanned == pageSize || changes == pageSize);
        });
  }

  private int events(
      Connection c,
      Cursor cursor,
      long below,
      TillPrincipal till,
      Set<String> programs,
      List<WireEvent> out,
      long[] at)
      throws SQLException {
    return scan(
        c,
        "ledger_event",
        LedgerSql.EVENT_COLUMNS,
        cursor.eventXid(),
        cursor.eventPos(),
        below,
        at,
        r -> {
          // columns 3 on: the event; program_id is the 5th, till_id the 10th
          if (!r.getString(10).equals(till.till().value()) && programs.contains(r.getString(5))) {
            out.add(LedgerSql.event(r, 3));
          }
        });
  }

  private int changes(
      Connection c, Cursor cursor, long below, Set<UUID> accounts, Set<UUID> overdrafts, long[] at)
      throws SQLException {
    return scan(
        c,
        "change_feed",
        "kind, ref",
        cursor.changeXid(),
        cursor.changePos(),
        below,
        at,
        r -> {
          UUID ref = UUID.fromString(r.getString(4));
          if (r.getString(3).equals("ACCOUNT")) {
            accounts.add(ref);
          } else {
            overdrafts.add(ref);
          }
        });
  }

  /** One row of a feed table: columns 1 and 2 are its feed_xid and feed_pos. */
  private interface FeedRow {
    void accept(ResultSet r) throws SQLException;
  }

  /**
   * The final rows of a feed table after (xid, pos): those with a feed_xid below {@code below}, in
   * feed order, a page at most. Moves {@code at} over each; answers how many it read.
   */
  private int scan(
      Connection c,
      String table,
      String columns,
      long xid,
      long pos,
      long below,
      long[] at,
      FeedRow row)
      throws SQLException {
    int scanned = 0;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT feed_xid, feed_pos, "
                + columns
                + " FROM "
                + table
                + " WHERE (feed_xid, feed_pos) > (?, ?) AND feed_xid < ?"
                + " ORDER BY feed_xid, feed_pos FETCH FIRST "
                + pageSize
                + " ROWS ONLY")) {
      s.setLong(1, xid);
      s.setLong(2, pos);
      s.setLong(3, below);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          scanned++;
          at[0] = r.getLong(1);
          at[1] = r.getLong(2);
          row.accept(r);
        }
      }
    }
    return scanned;
  }

  private static List<WireOverdraft> overdrafts(Connection c, Set<UUID> ids, Set<String> programs)
      throws SQLException {
    List<WireOverdraft> out = new ArrayList<>();
    for (List<UUID> chunk : LedgerSql.chunks(ids)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT event_id, account_id, program_id, store_id, till_id, units_after, found_at"
                  + " FROM overdraft_review WHERE event_id IN ("
                  + LedgerSql.marks(chunk.size())
                  + ")")) {
        LedgerSql.bindAll(s, 1, chunk);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            if (programs.contains(r.getString(3))) {
              out.add(
                  new WireOverdraft(
                      r.getObject(1, UUID.class),
                      r.getObject(2, UUID.class),
                      r.getString(3),
                      r.getString(4),
                      r.getString(5),
                      r.getLong(6),
                      LedgerSql.instant(r, 7).toString()));
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Where both feeds stand now, as an opaque cursor: every row before it is final, every row a
   * transaction still adds comes after it. Where a reader that only wants what happens from now on
   * starts.
   */
  public String head() {
    return db.read(
        c -> {
          long below = db.visibleBelow(c);
          long[] event = last(c, "ledger_event", below);
          long[] change = last(c, "change_feed", below);
          return new Cursor(event[0], event[1], change[0], change[1]).encode();
        });
  }

  private static long[] last(Connection c, String table, long below) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT feed_xid, feed_pos FROM "
                + table
                + " WHERE feed_xid < ? ORDER BY feed_xid DESC, feed_pos DESC FETCH FIRST 1 ROWS"
                + " ONLY")) {
      s.setLong(1, below);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? new long[] {r.getLong(1), r.getLong(2)} : new long[] {-1, -1};
      }
    }
  }

  /**
   * The accounts after a cursor: whose events arrived or whose state changed.
   *
   * @param accounts the accounts named, each once
   * @param cursor where to read from next time
   * @param more whether a page limit stopped the read early
   */
  public record Touched(Set<UUID> accounts, String cursor, boolean more) {}

  /** Accounts touched after {@code cursor}, by the same commit-safe rule as a pull. */
  public Touched touched(String cursorText) {
    Cursor cursor = Cursor.parse(cursorText);
    return db.read(
        c -> {
          long below = db.visibleBelow(c);
          Set<UUID> accounts = new LinkedHashSet<>();
          long[] eventAt = {cursor.eventXid(), cursor.eventPos()};
          int events =
              scan(
                  c,
                  "ledger_event",
                  "account_id",
                  cursor.eventXid(),
                  cursor.eventPos(),
                  below,
                  eventAt,
                  r -> accounts.add(r.getObject(3, UUID.class)));
          long[] changeAt = {cursor.changeXid(), cursor.changePos()};
          Set<UUID> overdrafts = new LinkedHashSet<>();
          int changes = changes(c, cursor, below, accounts, overdrafts, changeAt);
          return new Touched(
              accounts,
              new Cursor(eventAt[0], eventAt[1], changeAt[0], changeAt[1]).encode(),
              events == pageSize || changes == pageSize);
        });
  }

  /** Overdrafts of the programs at this store, newest first: the manager's review list. */
  public List<WireOverdraft> overdraftsAt(StoreId store, int limit) {
    Set<String> programs = reference.programsAt(store);
    return db.read(
        c -> {
          List<UUID> ids = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT event_id FROM overdraft_review ORDER BY found_at DESC FETCH FIRST "
                          + limit
                          + " ROWS ONLY");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              ids.add(r.getObject(1, UUID.class));
            }
          }
          return overdrafts(c, new LinkedHashSet<>(ids), programs);
        });
  }
}
