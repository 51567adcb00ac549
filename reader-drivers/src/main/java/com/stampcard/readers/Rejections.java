package com.stampcard.readers;

import com.stampcard.core.code.CodeProblem;
import com.stampcard.core.code.CodeReading;

/**
 * Reads that never reached the code decoder (garbled bytes, a card taken away too soon) still
 * become a {@link CodeReading.NotACode}, so the till has one thing to show for every failed read.
 */
public final class Rejections {
  private Rejections() {}

  /**
   * A read that is not a customer code, for a reason found before decoding. Like every {@link
   * CodeReading.NotACode}, {@code detail} must not hold the input itself (a card number or UID).
   */
  public static CodeReading.NotACode notACode(CodeProblem problem, String detail) {
    return new CodeReading.NotACode(problem, detail);
  }
}
