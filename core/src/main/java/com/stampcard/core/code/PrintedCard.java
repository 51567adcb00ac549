package com.stampcard.core.code;

import java.util.Objects;

/**
 * A printed Stampcard card: 13 digits, the GS1 in-store prefix {@code 29}, a 10-digit serial and a
 * GS1 mod-10 check digit, so it prints as EAN-13 or Code128 and a mistyped digit is caught.
 *
 * @param number the 13 digits, without spaces
 */
public record PrintedCard(String number) implements CustomerCode {
  /** The GS1 prefix for numbers used inside a company, which Stampcard uses for its cards. */
  public static final String PREFIX = "29";

  /** How many digits a card number has. */
  public static final int LENGTH = 13;

  /** The largest serial: ten digits. */
  public static final long MAX_SERIAL = 9_999_999_999L;

  /**
   * Requires a valid card number.
   *
   * @throws IllegalArgumentException if {@code number} is not 13 digits with prefix 29 and a
   *     matching check digit; use {@link CustomerCodes#fromText} to read untrusted input
   */
  public PrintedCard {
    Objects.requireNonNull(number, "number");
    if (number.length() != LENGTH
        || !AsciiDigits.all(number)
        || !number.startsWith(PREFIX)
        || !hasValidCheckDigit(number)) {
      throw new IllegalArgumentException("Not a Stampcard card number: " + number);
    }
  }

  /**
   * The card with this serial: {@code 29}, the serial as ten digits, and the check digit.
   *
   * @throws IllegalArgumentException if {@code serial} is negative or has more than ten digits
   */
  public static PrintedCard fromSerial(long serial) {
    if (serial < 0 || serial > MAX_SERIAL) {
      throw new IllegalArgumentException("A card serial is 0 to " + MAX_SERIAL + ", not " + serial);
    }
    String body = PREFIX + String.format("%010d", serial);
    return new PrintedCard(body + checkDigit(body));
  }

  /** The ten-digit serial between the prefix and the check digit. */
  public long serial() {
    return Long.parseLong(number.substring(PREFIX.length(), LENGTH - 1));
  }

  /** The number in groups of four for printing under the barcode: {@code 2900 0012 3456 6}. */
  public String grouped() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < number.length(); i += 4) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(number, i, Math.min(i + 4, number.length()));
    }
    return out.toString();
  }

  @Override
  public IdentifierKind identifierKind() {
    return IdentifierKind.PRINTED_CARD;
  }

  @Override
  public String identifierValue() {
    return number;
  }

  /**
   * The GS1 mod-10 check digit for {@code digits} (the number without its check digit): weights 3
   * and 1 alternate from the rightmost digit, which weighs 3.
   *
   * @throws IllegalArgumentException if {@code digits} is not all ASCII digits
   */
  public static int checkDigit(String digits) {
    if (!AsciiDigits.all(digits)) {
      throw new IllegalArgumentException("A check digit needs digits");
    }
    int sum = 0;
    for (int i = digits.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
      sum += (digits.charAt(i) - '0') * weight;
    }
    return (10 - sum % 10) % 10;
  }

  /** Whether the last of {@code digits} is the GS1 check digit of the others. */
  public static boolean hasValidCheckDigit(String digits) {
    if (digits.length() < 2 || !AsciiDigits.all(digits)) {
      return false;
    }
    int last = digits.length() - 1;
    return checkDigit(digits.substring(0, last)) == digits.charAt(last) - '0';
  }
}
