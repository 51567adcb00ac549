package com.stampcard.core.code;

/**
 * Reads a printed card number as typed or scanned. Spaces and hyphens between digits are allowed,
 * as printed under the barcode ({@code 2900 0012 3456 6}).
 */
final class PrintedCardParser {
  /** Longer digit strings starting with 29 are not a card number gone wrong, just not a code. */
  private static final int LONGEST_MISTAKE = 20;

  private PrintedCardParser() {}

  /**
   * Whether {@code text} (trimmed) is meant as a card number: digits with separators inside, either
   * 13 digits or a short run starting with the prefix.
   */
  static boolean isMeantAsCardNumber(String text) {
    if (!AsciiDigits.isDigit(text.charAt(0))
        || !AsciiDigits.isDigit(text.charAt(text.length() - 1))) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!AsciiDigits.isDigit(c) && c != ' ' && c != '-') {
        return false;
      }
    }
    String digits = withoutSeparators(text);
    return digits.length() == PrintedCard.LENGTH
        || (digits.startsWith(PrintedCard.PREFIX) && digits.length() <= LONGEST_MISTAKE);
  }

  /** Reads text for which {@link #isMeantAsCardNumber} holds. */
  static CodeReading read(String text) {
    String digits = withoutSeparators(text);
    if (digits.length() != PrintedCard.LENGTH) {
      return new CodeReading.NotACode(
          CodeProblem.PRINTED_CARD_WRONG_LENGTH,
          digits.length() + " digits, a card number has " + PrintedCard.LENGTH);
    }
    if (!digits.startsWith(PrintedCard.PREFIX)) {
      return new CodeReading.NotACode(
          CodeProblem.PRINTED_CARD_WRONG_PREFIX,
          "13 digits not starting with " + PrintedCard.PREFIX);
    }
    if (!PrintedCard.hasValidCheckDigit(digits)) {
      return new CodeReading.NotACode(
          CodeProblem.PRINTED_CARD_WRONG_CHECK_DIGIT, "check digit does not match");
    }
    return new CodeReading.Recognised(new PrintedCard(digits));
  }

  private static String withoutSeparators(String text) {
    return text.replace(" ", "").replace("-", "");
  }
}
