package com.stampcard.core.ledger;

/**
 * What happened. The sign of an event's quantity follows its type: earning adds, spending
 * subtracts, a void reverses the event it names, an adjustment goes either way.
 */
public enum EventType {
  STAMP,
  REDEEM,
  POINTS_EARN,
  POINTS_SPEND,
  VOID,
  ADJUST;

  /** Earning: the customer got stamps or points. */
  public boolean earns() {
    return this == STAMP || this == POINTS_EARN;
  }

  /** Spending: the customer got a reward. */
  public boolean spends() {
    return this == REDEEM || this == POINTS_SPEND;
  }
}
