package com.stampcard.core.code;

import java.util.Objects;

/**
 * Writes an app code as decimal digits only, so a QR code can use numeric mode and a keyboard-wedge
 * scanner types it right under any keyboard layout.
 *
 * <p>The digits are two marker digits, {@code 91} for a steady code or {@code 92} for a first-use
 * code (the form byte, with version 1 implied; {@code 93} to {@code 98} are kept for later
 * versions), then the bytes after the form byte in groups of seven. Each group is a big-endian
 * unsigned number written as exactly 17 digits, zero-padded (2<sup>56</sup>−1 has 17 digits). A
 * last group of k &lt; 7 bytes is written with the digits of 256<sup>k</sup>−1: 3, 5, 8, 10, 13 or
 * 15 for k = 1 to 6. A group whose number does not fit its bytes is malformed.
 *
 * <ul>
 *   <li>Steady: 101 bytes; the 100 after the form byte are 14 groups of 7 and one of 2, so 2 + 14 ×
 *       17 + 5 = <b>245 digits</b>.
 *   <li>First use: 134 bytes; the 133 after the form byte are 19 groups of 7, so 2 + 19 × 17 =
 *       <b>325 digits</b>.
 * </ul>
 *
 * The length is fixed per form, so a code missing digits is caught by its length.
 */
public final class AppCodeDigits {
  /** Digits in a steady code. */
  public static final int STEADY_DIGITS = 245;

  /** Digits in a first-use code. */
  public static final int FIRST_USE_DIGITS = 325;

  static final int MARKER_DIGITS = 2;
  private static final int GROUP_BYTES = 7;
  private static final int GROUP_DIGITS = 17;
  // Digits of 256^k - 1 for a last group of k bytes.
  private static final int[] PARTIAL_GROUP_DIGITS = {0, 3, 5, 8, 10, 13, 15};

  private AppCodeDigits() {}

  /** The digits of {@code code}. */
  public static String encode(AppCode code) {
    return encode(code.toBytes());
  }

  /**
   * The digits of a binary layout, which need not be a valid code: tests and simulators use this to
   * make malformed codes.
   *
   * @param layout the form byte (1 or 2) followed by any bytes
   * @throws IllegalArgumentException if the layout is empty or its form byte is not 1 or 2
   */
  public static String encode(byte[] layout) {
    Objects.requireNonNull(layout, "layout");
    if (layout.length == 0) {
      throw new IllegalArgumentException("An app code layout starts with its form byte");
    }
    AppCode.Form form =
        AppCode.Form.ofFormByte(layout[0])
            .orElseThrow(() -> new IllegalArgumentException("Unknown form byte " + layout[0]));
    StringBuilder out = new StringBuilder(form.marker());
    for (int start = 1; start < layout.length; start += GROUP_BYTES) {
      int k = Math.min(GROUP_BYTES, layout.length - start);
      long value = 0;
      for (int i = 0; i < k; i++) {
        value = (value << 8) | (layout[start + i] & 0xFF);
      }
      String number = Long.toString(value);
      out.append("0".repeat(widthOf(k) - number.length())).append(number);
    }
    return out.toString();
  }

  /** Digits in a code of {@code form}, marker included. */
  public static int digitCount(AppCode.Form form) {
    return MARKER_DIGITS + digitsFor(form.byteCount() - 1);
  }

  /** Digits that encode {@code byteCount} bytes in groups. */
  static int digitsFor(int byteCount) {
    return byteCount / GROUP_BYTES * GROUP_DIGITS + PARTIAL_GROUP_DIGITS[byteCount % GROUP_BYTES];
  }

  /**
   * The bytes encoded by {@code digits}, which must be all ASCII digits and exactly {@link
   * #digitsFor}({@code byteCount}) long.
   *
   * @throws Refusal if a group's number does not fit its bytes
   */
  static byte[] decode(String digits, int byteCount) throws Refusal {
    byte[] out = new byte[byteCount];
    int at = 0;
    for (int start = 0, group = 1; start < byteCount; start += GROUP_BYTES, group++) {
      int k = Math.min(GROUP_BYTES, byteCount - start);
      int width = widthOf(k);
      long value = Long.parseLong(digits, at, at + width, 10);
      at += width;
      if (value >>> (8 * k) != 0) {
        throw new Refusal(
            CodeProblem.APP_CODE_MALFORMED, "group " + group + " is too large for " + k + " bytes");
      }
      for (int i = k - 1; i >= 0; i--) {
        out[start + i] = (byte) value;
        value >>>= 8;
      }
    }
    return out;
  }

  private static int widthOf(int groupBytes) {
    return groupBytes == GROUP_BYTES ? GROUP_DIGITS : PARTIAL_GROUP_DIGITS[groupBytes];
  }
}
