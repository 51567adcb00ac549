package com.stampcard.readers.serial;

import com.stampcard.readers.RawInput;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts the byte stream of a serial scanner into lines of text, the second of a reader's three
 * steps. Pure and single-threaded: the serial reader's thread feeds it with {@link #accept} and
 * calls {@link #idle} when the line has been quiet for a while, so a code without its end marker is
 * reported rather than glued to the next one.
 */
public final class SerialFramer {
  private static final byte CR = 0x0D;
  private static final byte LF = 0x0A;
  private static final byte STX = 0x02;
  private static final byte ETX = 0x03;

  private final Framing framing;
  private final Charset charset;
  private final int maxLength;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private final ByteArrayOutputStream outside = new ByteArrayOutputStream();
  private boolean discardingOverlong;
  private boolean insideStx;

  /**
   * @param framing where codes end
   * @param charset the scanner's character set
   * @param maxLength the longest line accepted, in bytes; longer ones are rejected whole
   */
  public SerialFramer(Framing framing, Charset charset, int maxLength) {
    this.framing = Objects.requireNonNull(framing, "framing");
    this.charset = Objects.requireNonNull(charset, "charset");
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be positive");
    }
    this.maxLength = Math.max(maxLength, framing.fixedLength());
  }

  /** Feeds bytes as they arrived; returns the frames they completed, in order. */
  public List<Frame> accept(byte[] data) {
    List<Frame> out = new ArrayList<>();
    for (byte b : data) {
      accept(b, out);
    }
    return out;
  }

  /**
   * Tells the framer the line has been quiet: an unfinished code is rejected rather than kept.
   * Returns what that produced (nothing when no bytes were waiting).
   */
  public List<Frame> idle() {
    List<Frame> out = new ArrayList<>();
    flushOutside(out);
    if (pending.size() > 0 && !discardingOverlong) {
      out.add(
          new Frame.Rejected(
              FramingProblem.UNTERMINATED,
              pending.size()
                  + " bytes with no "
                  + endMarker()
                  + " after them: set the scanner's suffix to "
                  + endMarker(),
              raw(pending.toByteArray())));
    }
    pending.reset();
    discardingOverlong = false;
    insideStx = false;
    return out;
  }

  private void accept(byte b, List<Frame> out) {
    switch (framing.kind()) {
      case CR -> {
        if (b == CR) {
          endLine(out);
        } else if (b != LF) {
          add(b, out);
        }
      }
      case LF -> {
        if (b == LF) {
          dropTrailingCr();
          endLine(out);
        } else {
          add(b, out);
        }
      }
      case CRLF -> {
        if (b == LF && endsWithCr()) {
          dropTrailingCr();
          endLine(out);
        } else {
          add(b, out);
        }
      }
      case STX_ETX -> acceptStxEtx(b, out);
      case FIXED_LENGTH -> {
        pending.write(b);
        if (pending.size() == framing.fixedLength()) {
          endLine(out);
        }
      }
    }
  }

  private void acceptStxEtx(byte b, List<Frame> out) {
    if (b == STX) {
      flushOutside(out);
      if (insideStx && pending.size() > 0 && !discardingOverlong) {
        out.add(
            new Frame.Rejected(
                FramingProblem.UNTERMINATED,
                pending.size() + " bytes with no ETX before the next STX",
                raw(pending.toByteArray())));
      }
      pending.reset();
      discardingOverlong = false;
      insideStx = true;
    } else if (!insideStx) {
      outside.write(b);
    } else if (b == ETX) {
      insideStx = false;
      endLine(out);
    } else {
      add(b, out);
    }
  }

  private boolean endsWithCr() {
    byte[] line = pending.toByteArray();
    return line.length > 0 && line[line.length - 1] == CR;
  }

  private void dropTrailingCr() {
    if (endsWithCr()) {
      byte[] line = pending.toByteArray();
      pending.reset();
      pending.write(line, 0, line.length - 1);
    }
  }

  private void add(byte b, List<Frame> out) {
    if (discardingOverlong) {
      return;
    }
    pending.write(b);
    if (pending.size() > maxLength) {
      out.add(
          new Frame.Rejected(
              FramingProblem.OVERLONG,
              "more than "
                  + maxLength
                  + " bytes with no "
                  + endMarker()
                  + ": check the scanner's suffix and baud rate",
              raw(pending.toByteArray())));
      pending.reset();
      discardingOverlong = true;
    }
  }

  private void endLine(List<Frame> out) {
    byte[] line = pending.toByteArray();
    pending.reset();
    if (discardingOverlong) {
      discardingOverlong = false;
      return;
    }
    if (line.length == 0) {
      return; // an empty line (for example CR LF sent twice) is not a read
    }
    out.add(toText(line));
  }

  private Frame toText(byte[] line) {
    String text;
    try {
      text =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(line))
              .toString();
    } catch (CharacterCodingException e) {
      return new Frame.Rejected(
          FramingProblem.NOT_TEXT,
          line.length
              + " bytes that are not "
              + charset.name()
              + " text: check the scanner's baud rate and character set",
          raw(line));
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        return new Frame.Rejected(
            FramingProblem.NOT_TEXT,
            String.format(
                "control character 0x%02X at position %d of %d: check the scanner's baud rate",
                (int) c, i + 1, text.length()),
            raw(line));
      }
    }
    return new Frame.Line(text);
  }

  private void flushOutside(List<Frame> out) {
    byte[] stray = outside.toByteArray();
    outside.reset();
    for (byte b : stray) {
      if (b != CR && b != LF && b != ' ') {
        out.add(
            new Frame.Rejected(
                FramingProblem.OUTSIDE_FRAME, stray.length + " bytes outside STX…ETX", raw(stray)));
        return;
      }
    }
  }

  private static RawInput.Bytes raw(byte[] data) {
    return new RawInput.Bytes(data);
  }

  private String endMarker() {
    return framing.endMarker();
  }
}
