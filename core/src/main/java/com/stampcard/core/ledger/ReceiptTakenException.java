package com.stampcard.core.ledger;

/**
 * Another transaction recorded the same receipt id first (the register sent it twice at once).
 * Rolls the transaction back; the receipt is then answered as a repeat.
 */
public final class ReceiptTakenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReceiptTakenException(String receiptId) {
    super("receipt " + receiptId + " was recorded by another request at the same time");
  }
}
