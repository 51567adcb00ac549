package com.stampcard.core.ledger;

import com.stampcard.core.account.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A cash register's receipt the till has recorded: what it was (a fingerprint of the purchase as
 * the register sent it) and which events it gave. Kept in the till's store, so a register that
 * sends the same receipt again, even after the till restarted, gets the same answer and nothing is
 * given twice.
 *
 * @param receiptId the register's own receipt id, unique per till
 * @param fingerprint a hash of the purchase as sent: the same id with another purchase is refused
 * @param account who the purchase was for
 * @param events the stamps and points it gave, possibly none
 */
public record RegisterReceipt(
    String receiptId,
    String fingerprint,
    AccountId account,
    List<UUID> events,
    Instant recordedAt) {
  private static final Pattern RECEIPT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");

  /** What a receipt id may be, in words for the register's programmer. */
  public static final String RECEIPT_ID_RULE =
      "1-64 characters: letters, digits and . _ : / - (starting with a letter or digit)";

  public RegisterReceipt {
    requireReceiptId(receiptId);
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(account, "account");
    events = List.copyOf(events);
    Objects.requireNonNull(recordedAt, "recordedAt");
  }

  public static boolean isReceiptId(String text) {
    return text != null && RECEIPT_ID.matcher(text).matches();
  }

  public static void requireReceiptId(String text) {
    if (!isReceiptId(text)) {
      throw new IllegalArgumentException("receipt id: " + RECEIPT_ID_RULE);
    }
  }
}
