package com.stampcard.readers.serial;

import com.stampcard.readers.RawInput;
import java.util.HexFormat;

/** What the framing step makes of the bytes: a line of text, or bytes rejected with a reason. */
public sealed interface Frame permits Frame.Line, Frame.Rejected {

  /** One complete line of text, without its framing bytes. */
  record Line(String text) implements Frame {}

  /**
   * Bytes that are not a line.
   *
   * @param problem what is wrong
   * @param detail what was seen and what to check, for the till and for IT
   * @param raw the bytes rejected (the first ones, for an overlong line)
   */
  record Rejected(FramingProblem problem, String detail, RawInput.Bytes raw) implements Frame {}

  /** The first bytes of {@code data} as hex, for messages. */
  static String preview(byte[] data, int length) {
    int n = Math.min(length, 16);
    String hex = HexFormat.ofDelimiter(" ").withUpperCase().formatHex(data, 0, n);
    return length > n ? hex + " …" : hex;
  }
}
