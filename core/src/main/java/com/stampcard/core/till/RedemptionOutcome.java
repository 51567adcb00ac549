package com.stampcard.core.till;

import com.stampcard.core.ledger.Balance;
import com.stampcard.core.ledger.LedgerEvent;

/** What came of a redemption step. */
public sealed interface RedemptionOutcome {
  /** The check ran: show the card and the verdict, and wait for approval or cancel. */
  record Checked(PendingRedemption pending) implements RedemptionOutcome {}

  /**
   * The card was spent.
   *
   * @param offline recorded within the offline budget, to be confirmed by sync
   */
  record Redeemed(LedgerEvent event, Balance balance, boolean offline)
      implements RedemptionOutcome {}

  /** Nothing happened, and here is why (a key of the message bundle). */
  record Refused(String messageKey) implements RedemptionOutcome {}
}
