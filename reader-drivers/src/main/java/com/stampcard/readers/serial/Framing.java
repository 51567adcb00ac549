package com.stampcard.readers.serial;

import java.util.Locale;

/**
 * How a serial scanner marks where one code ends and the next begins.
 *
 * @param kind the end marker
 * @param fixedLength the length of every code for {@link Kind#FIXED_LENGTH}, else 0
 */
public record Framing(Kind kind, int fixedLength) {

  /** The framings scanners offer. */
  public enum Kind {
    /**
     * Each code ends with CR (0x0D); a stray LF is ignored. The factory setting of most scanners.
     */
    CR,
    /** Each code ends with LF (0x0A); a CR just before it is dropped. */
    LF,
    /** Each code ends with CR LF. */
    CRLF,
    /** Each code is wrapped in STX (0x02) and ETX (0x03). */
    STX_ETX,
    /** Each code is exactly {@code fixedLength} bytes, with nothing between codes. */
    FIXED_LENGTH
  }

  public Framing {
    if (kind == Kind.FIXED_LENGTH && (fixedLength < 1 || fixedLength > 4096)) {
      throw new IllegalArgumentException(
          "fixed length must be 1 to 4096 bytes, not " + fixedLength);
    }
    if (kind != Kind.FIXED_LENGTH && fixedLength != 0) {
      throw new IllegalArgumentException("only FIXED framing has a length");
    }
  }

  public static Framing cr() {
    return new Framing(Kind.CR, 0);
  }

  public static Framing lf() {
    return new Framing(Kind.LF, 0);
  }

  public static Framing crLf() {
    return new Framing(Kind.CRLF, 0);
  }

  public static Framing stxEtx() {
    return new Framing(Kind.STX_ETX, 0);
  }

  public static Framing fixedLength(int length) {
    return new Framing(Kind.FIXED_LENGTH, length);
  }

  /**
   * Parses a configuration value: {@code CR}, {@code LF}, {@code CRLF}, {@code STX_ETX} or {@code
   * FIXED:n}.
   */
  public static Framing parse(String value) {
    String v = value.trim().toUpperCase(Locale.ROOT);
    if (v.startsWith("FIXED:")) {
      try {
        return fixedLength(Integer.parseInt(v.substring(6)));
      } catch (NumberFormatException e) {
        // the message below says what is allowed
      }
    } else {
      for (Kind k : Kind.values()) {
        if (k != Kind.FIXED_LENGTH && k.name().equals(v)) {
          return new Framing(k, 0);
        }
      }
    }
    throw new IllegalArgumentException(
        "framing \"" + value + "\" is not one of CR, LF, CRLF, STX_ETX, FIXED:<length>");
  }

  /** The end marker in words, for messages. */
  public String endMarker() {
    return switch (kind) {
      case CR -> "CR";
      case LF -> "LF";
      case CRLF -> "CR LF";
      case STX_ETX -> "ETX";
      case FIXED_LENGTH -> fixedLength + "-byte length";
    };
  }

  @Override
  public String toString() {
    return kind == Kind.FIXED_LENGTH ? "FIXED:" + fixedLength : kind.name();
  }
}
