package com.stampcard.core.port;

import com.stampcard.core.ledger.RegisterReceipt;
import java.util.Optional;

/** Port: the cash register's receipts the till has recorded, by receipt id. Insert only. */
public interface ReceiptPort {
  Optional<RegisterReceipt> registerReceipt(String receiptId);

  /**
   * Records the receipt in the caller's transaction.
   *
   * @throws com.stampcard.core.ledger.ReceiptTakenException if another transaction recorded the
   *     same receipt id first; the caller's transaction must roll back
   */
  void addRegisterReceipt(RegisterReceipt receipt);
}
