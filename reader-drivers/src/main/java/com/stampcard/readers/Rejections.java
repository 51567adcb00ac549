package com.stampcard.readers;

import com.stampcard.core.code.CodeProblem;
import com.stampcard.core.code.CodeReading;

/**
 * Reads that never reached the code decoder (garbled bytes, a card taken away too soon) still
 * become a {@link CodeReading.NotACode}, so the till has one thing to show for every failed read.
 */
public final class Rejections {
  private Rejections() {}

  /** A read that is not a customer code, for a reason found before decoding. */
  public static CodeReading.NotACode notACode(String detail) {
    return new CodeReading.NotACode(CodeProblem.NOT_A_STAMPCARD_CODE, detail);
  }
}
