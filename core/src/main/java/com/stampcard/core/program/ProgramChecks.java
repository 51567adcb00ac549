package com.stampcard.core.program;

import java.time.Duration;
import java.util.Optional;

/** Checks shared by the program records' constructors. */
final class ProgramChecks {
  private ProgramChecks() {}

  static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a program needs a " + what);
    }
  }

  static void requireVersion(int version) {
    if (version < 1) {
      throw new IllegalArgumentException("a program version starts at 1, not " + version);
    }
  }

  static void requirePositive(Optional<Duration> duration, String what) {
    if (duration.isPresent() && (duration.get().isNegative() || duration.get().isZero())) {
      throw new IllegalArgumentException(what + " must be longer than 0");
    }
  }
}
