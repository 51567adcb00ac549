package com.stampcard.core.code;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;

/** Reads the digits of an app code into an {@link AppCode}; the signature is not checked here. */
final class AppCodeParser {
  /**
   * Shorter digit strings starting 91 to 98 are taken for a retail barcode (EAN, UPC, SSCC are at
   * most 18 digits), not for an app code with most of it missing.
   */
  private static final int SHORTEST_TRUNCATED_CODE = 21;

  private AppCodeParser() {}

  /** Whether {@code digits} starts with an app code marker, 91 to 98. */
  static boolean hasMarker(String digits) {
    return digits.length() >= AppCodeDigits.MARKER_DIGITS
        && digits.charAt(0) == '9'
        && digits.charAt(1) >= '1'
        && digits.charAt(1) <= '8';
  }

  /** Whether digits typed or scanned as text are meant as an app code. */
  static boolean isMeantAsAppCode(String digits) {
    return hasMarker(digits) && digits.length() >= SHORTEST_TRUNCATED_CODE;
  }

  /** Reads ASCII digits for which {@link #hasMarker} holds. */
  static CodeReading read(String digits) {
    try {
      return new CodeReading.Recognised(parse(digits));
    } catch (Refusal refusal) {
      return refusal.reading();
    }
  }

  private static AppCode parse(String digits) throws Refusal {
    int formDigit = digits.charAt(1) - '0';
    AppCode.Form form =
        AppCode.Form.ofFormByte(formDigit)
            .orElseThrow(
                () ->
                    new Refusal(
                        CodeProblem.APP_CODE_UNKNOWN_VERSION,
                        "marker 9" + formDigit + " is unknown"));
    int expected = form.digitCount();
    if (digits.length() != expected) {
      throw new Refusal(
          digits.length() < expected
              ? CodeProblem.APP_CODE_TRUNCATED
              : CodeProblem.APP_CODE_MALFORMED,
          form + " code has " + digits.length() + " digits, expected " + expected);
    }
    ByteBuffer in =
        ByteBuffer.wrap(
            AppCodeDigits.decode(
                digits.substring(AppCodeDigits.MARKER_DIGITS), form.byteCount() - 1));
    UUID accountId = new UUID(in.getLong(), in.getLong());
    DeviceKeyId keyId = DeviceKeyId.of(take(in, DeviceKeyId.LENGTH));
    long timeStep = Integer.toUnsignedLong(in.getInt());
    Optional<DevicePublicKey> publicKey = Optional.empty();
    if (form == AppCode.Form.FIRST_USE) {
      DevicePublicKey key =
          DevicePublicKey.readCompressed(take(in, DevicePublicKey.COMPRESSED_LENGTH))
              .orElseThrow(
                  () ->
                      new Refusal(
                          CodeProblem.APP_CODE_MALFORMED,
                          "public key is not a compressed point on P-256"));
      if (!key.keyId().equals(keyId)) {
        throw new Refusal(
            CodeProblem.KEY_MISMATCH, "key id " + keyId + " is not the id of the included key");
      }
      publicKey = Optional.of(key);
    }
    byte[] signature = take(in, AppCode.SIGNATURE_LENGTH);
    return new AppCode(form, accountId, keyId, timeStep, publicKey, signature);
  }

  private static byte[] take(ByteBuffer in, int length) {
    byte[] out = new byte[length];
    in.get(out);
    return out;
  }
}
