package com.stampcard.readers;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** What a reader received before decoding: text from a scanner or camera, bytes from a card. */
public sealed interface RawInput permits RawInput.Text, RawInput.Bytes {

  /** Text as the scanner or camera delivered it, after framing. */
  record Text(String text) implements RawInput {
    public Text {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
      return "\"" + text + "\"";
    }
  }

  /** Bytes as a card answered them. The array is copied in and out. */
  final class Bytes implements RawInput {
    private final byte[] bytes;

    public Bytes(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }
  }
}
