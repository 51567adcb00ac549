package com.stampcard.core.code;

import java.util.Locale;
import java.util.Objects;

/** What came of reading something a reader delivered: a customer code, or why it is not one. */
public sealed interface CodeReading permits CodeReading.Recognised, CodeReading.NotACode {

  /** The input is a well-formed customer code. */
  record Recognised(CustomerCode code) implements CodeReading {
    /** Requires a code. */
    public Recognised {
      Objects.requireNonNull(code, "code");
    }
  }

  /**
   * The input is not a usable customer code.
   *
   * @param problem what is wrong, with a message for the cashier
   * @param detail a short technical detail for the log; never holds a card number, UID or other
   *     secret from the input
   */
  record NotACode(CodeProblem problem, String detail) implements CodeReading {
    /** Requires a problem and a detail (which may be empty). */
    public NotACode {
      Objects.requireNonNull(problem, "problem");
      Objects.requireNonNull(detail, "detail");
    }

    /** The cashier's message for this problem in {@code locale}. */
    public String message(Locale locale) {
      return problem.message(locale);
    }
  }
}
