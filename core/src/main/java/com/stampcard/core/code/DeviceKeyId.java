package com.stampcard.core.code;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The id of a phone's app key: the first 16 bytes of SHA-256 of the public key in uncompressed
 * form. Immutable; its {@link #hex()} form is the stored identifier of an app device.
 */
public final class DeviceKeyId {
  /** Bytes in a key id. */
  public static final int LENGTH = 16;

  private final byte[] bytes;

  private DeviceKeyId(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * The key id with these 16 bytes.
   *
   * @throws IllegalArgumentException if there are not 16 bytes
   */
  public static DeviceKeyId of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "A device key id has " + LENGTH + " bytes, not " + bytes.length);
    }
    return new DeviceKeyId(bytes.clone());
  }

  /**
   * The key id written as 32 hex digits, as stored.
   *
   * @throws IllegalArgumentException if {@code hex} is not 32 hex digits
   */
  public static DeviceKeyId fromHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    if (hex.length() != 2 * LENGTH) {
      throw new IllegalArgumentException("A device key id is " + 2 * LENGTH + " hex digits");
    }
    return new DeviceKeyId(HexFormat.of().parseHex(hex));
  }

  /** The key id of a public key given in uncompressed form (65 bytes, 0x04, X, Y). */
  static DeviceKeyId ofUncompressedKey(byte[] uncompressed) {
    return new DeviceKeyId(Arrays.copyOf(Digest.sha256(uncompressed), LENGTH));
  }

  /** A copy of the 16 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The 32 lowercase hex digits: the identifier value of an app device. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeviceKeyId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
