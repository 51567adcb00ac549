package com.stampcard.readers;

import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.InputMethod;
import java.time.Instant;
import java.util.Objects;

/**
 * One read from one reader: what came in, and what it means.
 *
 * @param readerId the reader that read it
 * @param inputMethod how it reached the till (scanner, typed, camera, NFC)
 * @param readAt when the read was complete
 * @param raw the text or bytes received, after framing
 * @param reading the decoded customer code, or why it is not one
 */
public record Read(
    String readerId, InputMethod inputMethod, Instant readAt, RawInput raw, CodeReading reading) {
  public Read {
    Objects.requireNonNull(readerId, "readerId");
    Objects.requireNonNull(inputMethod, "inputMethod");
    Objects.requireNonNull(readAt, "readAt");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(reading, "reading");
  }

  /** True when the read is a Stampcard customer code. */
  public boolean recognised() {
    return reading instanceof CodeReading.Recognised;
  }
}
