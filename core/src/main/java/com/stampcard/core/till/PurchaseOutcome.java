package com.stampcard.core.till;

import com.stampcard.core.ledger.Balance;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.ledger.RegisterReceipt;
import com.stampcard.core.program.Program;
import java.util.List;

/** What came of a purchase the cash register posted. */
public sealed interface PurchaseOutcome {
  /**
   * The purchase is on the books (now, or earlier when {@code repeated}).
   *
   * @param awards the stamps and points it gave, one per program; empty if the rules gave nothing
   * @param repeated the register had sent this receipt before; nothing new was given
   * @param newCustomer this purchase opened the customer's account
   */
  record Recorded(
      RegisterReceipt receipt, List<Awarded> awards, boolean repeated, boolean newCustomer)
      implements PurchaseOutcome {
    public Recorded {
      awards = List.copyOf(awards);
    }
  }

  /**
   * What one program gave.
   *
   * @param balance the customer's balance in the program now
   */
  record Awarded(Program program, LedgerEvent event, Balance balance) {}

  /** The receipt id was used before for a different purchase. Nothing was recorded. */
  record ReceiptConflict(String receiptId) implements PurchaseOutcome {}

  /** Nothing was recorded, and here is why (a key of the message bundle). */
  record Refused(String messageKey) implements PurchaseOutcome {}
}
