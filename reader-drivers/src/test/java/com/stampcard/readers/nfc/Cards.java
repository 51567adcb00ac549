package com.stampcard.readers.nfc;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

/** Cards and phones as APDU answering functions, shared by the simulator and vpcd tests. */
public final class Cards {
  public static final byte[] OK = {(byte) 0x90, 0x00};
  public static final byte[] FILE_NOT_FOUND = {0x6A, (byte) 0x82};
  public static final byte[] INS_NOT_SUPPORTED = {0x6D, 0x00};
  public static final byte[] FUNCTION_NOT_SUPPORTED = {0x6A, (byte) 0x81};

  private static final int CHUNK = 200;

  private Cards() {}

  private static byte[] moreBytes(int n) {
    return new byte[] {0x61, (byte) Math.min(n, 0xFF)};
  }

  public static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  static boolean isSelect(byte[] c) {
    return c.length >= 5 && c[0] == 0x00 && c[1] == (byte) 0xA4 && c[2] == 0x04;
  }

  static byte[] selectedAid(byte[] c) {
    return Arrays.copyOfRange(c, 5, 5 + (c[4] & 0xFF));
  }

  static boolean isGetUid(byte[] c) {
    return Arrays.equals(c, Apdus.GET_UID);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A plain card (MIFARE-like): knows no application, answers its UID. */
  public static UnaryOperator<byte[]> plainCard(byte[] uid) {
    return c -> {
      if (isGetUid(c)) {
        return concat(uid, OK);
      }
      return isSelect(c) ? FILE_NOT_FOUND : INS_NOT_SUPPORTED;
    };
  }

  /**
   * A phone with an app under {@code aid}: answers SELECT of that AID with {@code token}, any other
   * AID with 6A 82 (unknown AID), and a fresh random UID.
   */
  public static UnaryOperator<byte[]> phone(byte[] aid, byte[] token) {
    byte[][] rest = {null};
    return c -> {
      if (isSelect(c)) {
        if (!Arrays.equals(selectedAid(c), aid)) {
          return FILE_NOT_FOUND;
        }
        if (token.length <= CHUNK) {
          return concat(token, OK);
        }
        // a token longer than one short APDU: the first part, then 61xx for GET RESPONSE
        rest[0] = Arrays.copyOfRange(token, CHUNK, token.length);
        return concat(Arrays.copyOf(token, CHUNK), moreBytes(rest[0].length));
      }
      if (c.length == 5 && c[1] == (byte) 0xC0 && rest[0] != null) {
        byte[] part = Arrays.copyOf(rest[0], Math.min(CHUNK, rest[0].length));
        rest[0] = Arrays.copyOfRange(rest[0], part.length, rest[0].length);
        byte[] sw = rest[0].length == 0 ? OK : moreBytes(rest[0].length);
        if (rest[0].length == 0) {
          rest[0] = null;
        }
        return concat(part, sw);
      }
      if (isGetUid(c)) {
        return concat(hex("08A1B2C3"), OK);
      }
      return INS_NOT_SUPPORTED;
    };
  }

  /** A card that is taken away as soon as it is selected. */
  public static UnaryOperator<byte[]> removedMidRead() {
    return c -> null;
  }
}
