package com.stampcard.core.code;

/** Checks for the digits 0 to 9 only: {@link Character#isDigit} would also let in other scripts. */
final class AsciiDigits {
  private AsciiDigits() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean all(CharSequence s) {
    if (s.length() == 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
