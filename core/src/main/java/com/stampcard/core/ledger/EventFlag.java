package com.stampcard.core.ledger;

/** Facts about how an event came about that the manager's review and the reports look at. */
public enum EventFlag {
  /** Recorded while the central server could not be reached, within the offline budget. */
  OFFLINE,
  /** The customer's code was typed by hand. */
  TYPED_CODE,
  /** A static code (printed card number) rather than a fresh app code. */
  STATIC_CODE,
  /** A manager approved it with their PIN. */
  MANAGER_APPROVED,
  /** The cashier confirmed a stamp the till questioned (same card again, inside the cooldown). */
  CONFIRMED_REPEAT,
  /** Stamps or points that lapsed after the program's expiry. */
  EXPIRY
}
