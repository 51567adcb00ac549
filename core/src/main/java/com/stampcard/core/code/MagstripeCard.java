package com.stampcard.core.code;

import java.util.Objects;

/**
 * A magnetic stripe card known by the account number (PAN) on its track 2. The PAN itself is never
 * kept: only its digest, which is the identifier value (lowercase hex SHA-256 of {@value
 * #DIGEST_TAG} followed by the PAN), and its last four digits to show the cashier which card it
 * was.
 *
 * @param panDigest the identifier value, 64 lowercase hex digits
 * @param lastFour the last four digits of the PAN
 */
public record MagstripeCard(String panDigest, String lastFour) implements CustomerCode {
  /** What the hashed text starts with, so the digest means nothing elsewhere. */
  public static final String DIGEST_TAG = "stampcard-magstripe:";

  /** Fewest digits in a PAN. */
  public static final int SHORTEST_PAN = 12;

  /** Most digits in a PAN. */
  public static final int LONGEST_PAN = 19;

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if the digest is not 64 lowercase hex digits or lastFour not
   *     four digits
   */
  public MagstripeCard {
    if (!Digest.isSha256Hex(panDigest)) {
      throw new IllegalArgumentException("A PAN digest is 64 lowercase hex digits");
    }
    Objects.requireNonNull(lastFour, "lastFour");
    if (lastFour.length() != 4 || !AsciiDigits.all(lastFour)) {
      throw new IllegalArgumentException("The last four of a PAN are four digits");
    }
  }

  /**
   * The card with this PAN.
   *
   * @throws IllegalArgumentException if the PAN is not 12 to 19 digits (the message never holds the
   *     PAN)
   */
  public static MagstripeCard ofPan(String pan) {
    Objects.requireNonNull(pan, "pan");
    if (!isPan(pan)) {
      throw new IllegalArgumentException(
          "A PAN is " + SHORTEST_PAN + " to " + LONGEST_PAN + " digits");
    }
    return new MagstripeCard(Digest.sha256Hex(DIGEST_TAG + pan), pan.substring(pan.length() - 4));
  }

  static boolean isPan(String s) {
    return s.length() >= SHORTEST_PAN && s.length() <= LONGEST_PAN && AsciiDigits.all(s);
  }

  @Override
  public IdentifierKind identifierKind() {
    return IdentifierKind.MAGSTRIPE;
  }

  @Override
  public String identifierValue() {
    return panDigest;
  }

  /** Shows only the last four digits of the PAN. */
  @Override
  public String toString() {
    return "MagstripeCard[pan=…" + lastFour + "]";
  }
}
