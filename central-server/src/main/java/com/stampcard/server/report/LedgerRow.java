package com.stampcard.server.report;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One ledger event as the reports see it.
 *
 * @param account the account the event was recorded on (reports follow merges to the root)
 * @param quantity signed: earning adds, spending subtracts (ADR 0004)
 * @param voided whether a VOID event names this one
 */
public record LedgerRow(
    UUID eventId,
    UUID account,
    String program,
    String type,
    long quantity,
    String store,
    String till,
    String cashier,
    Instant at,
    Set<String> flags,
    boolean voided) {

  public LedgerRow {
    flags = Set.copyOf(flags);
  }

  /** A stamp or points given, and not voided. */
  public boolean countsAsEarning() {
    return !voided && (type.equals("STAMP") || type.equals("POINTS_EARN"));
  }

  /** A reward given, and not voided. */
  public boolean countsAsSpending() {
    return !voided && (type.equals("REDEEM") || type.equals("POINTS_SPEND"));
  }

  /** A stamp, redemption or points event, voided or not: what a cashier does for a customer. */
  public boolean isTransaction() {
    return !type.equals("VOID") && !type.equals("ADJUST");
  }
}
