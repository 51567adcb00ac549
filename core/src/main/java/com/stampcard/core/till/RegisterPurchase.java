package com.stampcard.core.till;

import com.stampcard.core.ledger.RegisterReceipt;
import com.stampcard.core.program.Purchase;
import com.stampcard.core.program.PurchaseLine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A purchase the cash register posts: its receipt id, whose it is (a customer code as read, or
 * empty for "the customer just scanned at this till"), and what was bought.
 */
public record RegisterPurchase(String receiptId, Optional<String> customerCode, Purchase purchase) {
  public RegisterPurchase {
    RegisterReceipt.requireReceiptId(receiptId);
    Objects.requireNonNull(customerCode, "customerCode");
    Objects.requireNonNull(purchase, "purchase");
    if (purchase.total().isEmpty()) {
      throw new IllegalArgumentException("a register purchase needs its total");
    }
  }

  /** The customer is the one whose code was just read at this till. */
  public boolean justScanned() {
    return customerCode.isEmpty();
  }

  /**
   * A hash of everything the register sent: the same receipt id sent again with another purchase is
   * a mistake the till refuses rather than answers as a repeat.
   */
  public String fingerprint() {
    StringBuilder text = new StringBuilder();
    text.append(receiptId).append('\n');
    text.append(customerCode.map(String::strip).orElse("(just scanned)")).append('\n');
    text.append(purchase.total().orElseThrow()).append('\n');
    for (PurchaseLine line : purchase.lines()) {
      text.append(line.category())
          .append('\t')
          .append(line.quantity())
          .append('\t')
          .append(line.amount())
          .append('\n');
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
