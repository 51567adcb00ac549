package com.stampcard.core.code;

import java.nio.charset.StandardCharsets;

/**
 * Turns what a reader delivered into a customer code, or says why it is not one. Nothing here
 * throws on bad input: every bad input gives a {@link CodeReading.NotACode}. Stateless and
 * thread-safe.
 */
public final class CustomerCodes {
  /** Longer input is refused as {@link CodeProblem#TOO_LONG} without being parsed. */
  public static final int LONGEST_INPUT = 1000;

  private CustomerCodes() {}

  /**
   * Reads text from a scanner, camera or keyboard: a printed card number, an app code's digits or
   * an ISO 7813 track 2. Whitespace around it is ignored (scanners add Enter or Tab); a printed
   * card number may have spaces or hyphens between its digits.
   */
  public static CodeReading fromText(String text) {
    if (text == null) {
      return new CodeReading.NotACode(CodeProblem.EMPTY, "no text");
    }
    if (text.length() > LONGEST_INPUT) {
      return tooLong(text.length());
    }
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      return new CodeReading.NotACode(CodeProblem.EMPTY, "only whitespace");
    }
    if (TrackTwoParser.isMeantAsTrack(trimmed)) {
      return TrackTwoParser.read(trimmed);
    }
    if (AsciiDigits.all(trimmed) && AppCodeParser.isMeantAsAppCode(trimmed)) {
      return AppCodeParser.read(trimmed);
    }
    if (PrintedCardParser.isMeantAsCardNumber(trimmed)) {
      return PrintedCardParser.read(trimmed);
    }
    return new CodeReading.NotACode(
        CodeProblem.NOT_A_STAMPCARD_CODE,
        trimmed.length() + " characters: not a card number, app code or magstripe track");
  }

  /**
   * Reads the UID of a plain NFC card: 4, 7 or 10 bytes. A random UID (4 bytes starting 0x08, as a
   * phone sends) is refused: it changes on every tap.
   */
  public static CodeReading fromNfcUid(byte[] uid) {
    if (uid == null || uid.length == 0) {
      return new CodeReading.NotACode(CodeProblem.EMPTY, "no UID");
    }
    if (!NfcCardUid.hasUidLength(uid.length)) {
      return new CodeReading.NotACode(
          CodeProblem.NFC_UID_BAD_LENGTH, "UID of " + uid.length + " bytes, expected 4, 7 or 10");
    }
    if (NfcCardUid.isRandomUid(uid)) {
      return new CodeReading.NotACode(
          CodeProblem.NFC_UID_RANDOM, "random UID (4 bytes starting 08)");
    }
    return new CodeReading.Recognised(NfcCardUid.ofUid(uid));
  }

  /**
   * Reads what a phone answered to SELECT of Stampcard's AID, status word already removed: the
   * ASCII digits of its app code, the same as its QR code.
   */
  public static CodeReading fromPhoneToken(byte[] token) {
    if (token == null || token.length == 0) {
      return new CodeReading.NotACode(CodeProblem.EMPTY, "no answer from the phone");
    }
    if (token.length > LONGEST_INPUT) {
      return tooLong(token.length);
    }
    for (byte b : token) {
      if (b < '0' || b > '9') {
        return new CodeReading.NotACode(
            CodeProblem.PHONE_TOKEN_MALFORMED, token.length + " bytes, not all ASCII digits");
      }
    }
    String digits = new String(token, StandardCharsets.US_ASCII);
    if (!AppCodeParser.hasMarker(digits)) {
      return new CodeReading.NotACode(
          CodeProblem.PHONE_TOKEN_MALFORMED, token.length + " digits without an app code marker");
    }
    return AppCodeParser.read(digits);
  }

  private static CodeReading tooLong(int length) {
    return new CodeReading.NotACode(
        CodeProblem.TOO_LONG, length + " characters, at most " + LONGEST_INPUT + " are read");
  }
}
