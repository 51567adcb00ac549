package com.stampcard.readers.nfc;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/** Command builders and response parsing for the APDUs a tap uses. Pure functions. */
public final class Apdus {
  private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

  /** PC/SC part 3 pseudo-APDU: the reader answers with the card's UID. */
  public static final byte[] GET_UID = {(byte) 0xFF, (byte) 0xCA, 0x00, 0x00, 0x00};

  private Apdus() {}

  /** ISO 7816-4 SELECT by AID, first or only occurrence, with Le = 00. */
  public static byte[] select(byte[] aid) {
    if (aid.length < 5 || aid.length > 16) {
      throw new IllegalArgumentException("an AID is 5 to 16 bytes, not " + aid.length);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x00, (byte) 0xA4, 0x04, 0x00, (byte) aid.length});
    out.writeBytes(aid);
    out.write(0x00);
    return out.toByteArray();
  }

  /** ISO 7816-4 GET RESPONSE for {@code length} bytes (0 means 256). */
  public static byte[] getResponse(int length) {
    return new byte[] {0x00, (byte) 0xC0, 0x00, 0x00, (byte) length};
  }

  /** A response APDU split into its data and status word. */
  public record Response(byte[] data, int sw) {
    public static Response parse(byte[] raw) {
      if (raw == null || raw.length < 2) {
        throw new IllegalArgumentException(
            "a response APDU has at least two status bytes, got " + (raw == null ? 0 : raw.length));
      }
      int sw = ((raw[raw.length - 2] & 0xFF) << 8) | (raw[raw.length - 1] & 0xFF);
      return new Response(Arrays.copyOf(raw, raw.length - 2), sw);
    }

    public boolean ok() {
      return sw == 0x9000;
    }

    /** 61xx: more data waits for a GET RESPONSE. */
    public boolean moreData() {
      return (sw & 0xFF00) == 0x6100;
    }

    public String swText() {
      return String.format("%02X %02X", sw >> 8, sw & 0xFF);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Response r && sw == r.sw && Arrays.equals(data, r.data);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(data) + sw;
    }

    @Override
    public String toString() {
      return HEX.formatHex(data) + " / " + swText();
    }
  }

  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }
}
