package com.stampcard.readers.serial;

/** Why bytes from a serial scanner did not make a line of text. */
public enum FramingProblem {
  /** More bytes than any code has, with no end marker: a wrong framing setting or line noise. */
  OVERLONG,
  /** Bytes that are not text in the configured charset, or control characters: wrong baud rate. */
  NOT_TEXT,
  /**
   * Bytes that stopped coming before the end marker: the scanner's suffix is not what we expect.
   */
  UNTERMINATED,
  /** Bytes outside an STX…ETX frame. */
  OUTSIDE_FRAME
}
