package com.stampcard.readers.serial;

import com.stampcard.readers.RawInput;

/** What the framing step makes of the bytes: a line of text, or bytes rejected with a reason. */
public sealed interface Frame permits Frame.Line, Frame.Rejected {

  /** One complete line of text, without its framing bytes. */
  record Line(String text) implements Frame {}

  /**
   * Bytes that are not a line.
   *
   * @param problem what is wrong
   * @param detail what was wrong and what to check, for the till and for IT; never the bytes
   *     themselves, which may hold a card number
   * @param raw the bytes rejected (the first ones, for an overlong line)
   */
  record Rejected(FramingProblem problem, String detail, RawInput.Bytes raw) implements Frame {}
}
