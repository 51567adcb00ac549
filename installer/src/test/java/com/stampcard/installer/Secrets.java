package com.stampcard.installer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The secrets a test handed to the programs, each with what it is: PINs, passwords, tokens,
 * credentials, customers' e-mail addresses. {@link #foundIn} names those that leaked into a text. A
 * new kind of secret is one more {@link #add}.
 */
final class Secrets {
  private final Map<String, String> byValue = new LinkedHashMap<>();

  /** Remembers {@code value} as a secret; blank values are refused (they'd match anything). */
  Secrets add(String what, String value) {
    if (value == null || value.isBlank() || value.length() < 4) {
      throw new IllegalArgumentException(what + " is too short to look for: '" + value + "'");
    }
    byValue.putIfAbsent(value, what);
    return this;
  }

  int count() {
    return byValue.size();
  }

  /** What each secret found in {@code text} is, with where it was: empty when none leaked. */
  Map<String, String> foundIn(String text) {
    Map<String, String> found = new LinkedHashMap<>();
    byValue.forEach(
        (value, what) -> {
          int at = text.indexOf(value);
          if (at >= 0) {
            int from = text.lastIndexOf('\n', at) + 1;
            int to = text.indexOf('\n', at);
            found.put(what, text.substring(from, to < 0 ? text.length() : to));
          }
        });
    return found;
  }
}
