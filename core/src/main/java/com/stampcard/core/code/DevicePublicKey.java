package com.stampcard.core.code;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The P-256 public key a phone's Stampcard app made for itself, checked to be a point on the curve.
 * Converts between the uncompressed form (65 bytes: 0x04, X, Y — what WebCrypto exports as "raw",
 * and what is stored with the identifier), the compressed form a first-use app code carries (33
 * bytes: 0x02 or 0x03 by the parity of Y, then X) and the JDK's {@link ECPublicKey}. Immutable.
 */
public final class DevicePublicKey {
  /** Bytes in the uncompressed form. */
  public static final int UNCOMPRESSED_LENGTH = 1 + 2 * P256.FIELD_BYTES;

  /** Bytes in the compressed form. */
  public static final int COMPRESSED_LENGTH = 1 + P256.FIELD_BYTES;

  private final byte[] uncompressed;
  private final ECPublicKey ecPublicKey;
  private final DeviceKeyId keyId;

  private DevicePublicKey(BigInteger x, BigInteger y) {
    this.uncompressed = new byte[UNCOMPRESSED_LENGTH];
    uncompressed[0] = 0x04;
    System.arraycopy(P256.toFieldBytes(x), 0, uncompressed, 1, P256.FIELD_BYTES);
    System.arraycopy(P256.toFieldBytes(y), 0, uncompressed, 1 + P256.FIELD_BYTES, P256.FIELD_BYTES);
    this.ecPublicKey = P256.publicKey(x, y);
    this.keyId = DeviceKeyId.ofUncompressedKey(uncompressed);
  }

  /**
   * The key in uncompressed form (65 bytes: 0x04, X, Y).
   *
   * @throws IllegalArgumentException if the bytes are not a point on P-256 in that form
   */
  public static DevicePublicKey fromUncompressed(byte[] uncompressed) {
    Objects.requireNonNull(uncompressed, "uncompressed");
    if (uncompressed.length != UNCOMPRESSED_LENGTH || uncompressed[0] != 0x04) {
      throw new IllegalArgumentException(
          "An uncompressed P-256 key is 65 bytes starting 0x04, not " + uncompressed.length);
    }
    BigInteger x = P256.fromBytes(uncompressed, 1, P256.FIELD_BYTES);
    BigInteger y = P256.fromBytes(uncompressed, 1 + P256.FIELD_BYTES, P256.FIELD_BYTES);
    if (!P256.isOnCurve(x, y)) {
      throw new IllegalArgumentException("The key is not a point on P-256");
    }
    return new DevicePublicKey(x, y);
  }

  /**
   * The key in compressed form (33 bytes: 0x02 or 0x03, X).
   *
   * @throws IllegalArgumentException if the bytes are not a point on P-256 in that form
   */
  public static DevicePublicKey fromCompressed(byte[] compressed) {
    return readCompressed(compressed)
        .orElseThrow(
            () ->
                new IllegalArgumentException("Not a compressed P-256 point (33 bytes, 02/03, X)"));
  }

  /** The key in compressed form, or empty if the bytes are not a point on P-256 in that form. */
  static Optional<DevicePublicKey> readCompressed(byte[] compressed) {
    Objects.requireNonNull(compressed, "compressed");
    if (compressed.length != COMPRESSED_LENGTH
        || (compressed[0] != 0x02 && compressed[0] != 0x03)) {
      return Optional.empty();
    }
    BigInteger x = P256.fromBytes(compressed, 1, P256.FIELD_BYTES);
    return P256.yFor(x, compressed[0] == 0x03).map(y -> new DevicePublicKey(x, y));
  }

  /**
   * The same key as a JDK public key.
   *
   * @throws IllegalArgumentException if {@code key} is not on P-256
   */
  public static DevicePublicKey of(ECPublicKey key) {
    Objects.requireNonNull(key, "key");
    if (!P256.isThisCurve(key.getParams())) {
      throw new IllegalArgumentException("The key is not on the curve P-256");
    }
    BigInteger x = key.getW().getAffineX();
    BigInteger y = key.getW().getAffineY();
    if (x == null || y == null || !P256.isOnCurve(x, y)) {
      throw new IllegalArgumentException("The key is not a point on P-256");
    }
    return new DevicePublicKey(x, y);
  }

  /** A copy of the uncompressed form: 65 bytes, 0x04, X, Y. This is what is stored. */
  public byte[] uncompressed() {
    return uncompressed.clone();
  }

  /** The compressed form: 33 bytes, 0x02 for an even Y or 0x03 for an odd one, then X. */
  public byte[] compressed() {
    byte[] out = new byte[COMPRESSED_LENGTH];
    out[0] = (byte) ((uncompressed[UNCOMPRESSED_LENGTH - 1] & 1) == 0 ? 0x02 : 0x03);
    System.arraycopy(uncompressed, 1, out, 1, P256.FIELD_BYTES);
    return out;
  }

  /** The key id: the first 16 bytes of SHA-256 of {@link #uncompressed()}. */
  public DeviceKeyId keyId() {
    return keyId;
  }

  /** The key for {@link java.security.Signature}. */
  public ECPublicKey ecPublicKey() {
    return ecPublicKey;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DevicePublicKey other && Arrays.equals(uncompressed, other.uncompressed);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(uncompressed);
  }

  @Override
  public String toString() {
    return "DevicePublicKey[keyId=" + keyId.hex() + "]";
  }
}
