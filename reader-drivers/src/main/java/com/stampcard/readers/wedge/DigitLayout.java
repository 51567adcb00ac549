package com.stampcard.readers.wedge;

import java.util.Optional;
import java.util.Set;

/**
 * A scanner and a till that disagree about the keyboard layout type digits as other characters. A
 * scanner sends key positions, not characters: the till's layout decides what they mean. Each
 * constant is one such mix-up, as the ten characters that the keys 1…9, 0 give.
 */
public enum DigitLayout {
  /** Till on French AZERTY, scanner sending the unshifted number row. */
  AZERTY_FR_TILL("&é\"'(-è_çà"),
  /** Till on Belgian AZERTY, scanner sending the unshifted number row. */
  AZERTY_BE_TILL("&é\"'(§è!çà"),
  /** Till on US QWERTY, scanner set to AZERTY (it holds Shift for digits). */
  SHIFTED_ON_QWERTY_TILL("!@#$%^&*()"),
  /** Till on German QWERTZ, scanner set to AZERTY (it holds Shift for digits). */
  SHIFTED_ON_QWERTZ_TILL("!\"§$%&/()=");

  private final String row;

  DigitLayout(String row) {
    this.row = row;
  }

  /**
   * Maps {@code text} back to digits, if it reads as digits through exactly one meaning among
   * {@code layouts}: every character is a digit or in that layout's row, and every layout that fits
   * gives the same digits. Text with letters, or with characters no layout has, is left as it is
   * (empty result), as is text that is digits already.
   */
  public static Optional<String> mapBack(String text, Set<DigitLayout> layouts) {
    String result = null;
    for (DigitLayout layout : layouts) {
      Optional<String> digits = layout.digitsOf(text);
      if (digits.isEmpty()) {
        continue;
      }
      if (result != null && !result.equals(digits.get())) {
        return Optional.empty(); // ambiguous: two layouts give different digits
      }
      result = digits.get();
    }
    return Optional.ofNullable(result).filter(r -> !r.equals(text));
  }

  private Optional<String> digitsOf(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        out.append(c);
        continue;
      }
      int at = row.indexOf(c);
      if (at < 0) {
        return Optional.empty();
      }
      out.append((char) (at == 9 ? '0' : '1' + at));
    }
    return Optional.of(out.toString());
  }
}
