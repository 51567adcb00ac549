package com.stampcard.core.till;

import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.ledger.RegisterReceipt;
import java.util.List;

/** What came of the cash register refunding (voiding) a receipt. */
public sealed interface RefundOutcome {
  /**
   * Every event the receipt gave is voided.
   *
   * @param voids the VOID events, one per event the receipt gave (made now or earlier)
   * @param repeated the receipt was refunded before; nothing new was recorded
   */
  record Refunded(RegisterReceipt receipt, List<LedgerEvent> voids, boolean repeated)
      implements RefundOutcome {
    public Refunded {
      voids = List.copyOf(voids);
    }
  }

  /** Nothing was recorded, and here is why (a key of the message bundle). */
  record Refused(String messageKey) implements RefundOutcome {}
}
