package com.stampcard.core.code;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The code the Stampcard app shows as a QR code (and answers over NFC), read but not yet verified:
 * pass it to {@link AppCodeVerifier} before trusting it.
 *
 * <p>Binary layout, version 1, all big-endian:
 *
 * <pre>
 *   form          1 byte    1 = STEADY, 2 = FIRST_USE
 *   accountId    16 bytes   UUID, most significant half first
 *   deviceKeyId  16 bytes   first 16 bytes of SHA-256 of the uncompressed public key
 *   timeStep      4 bytes   unsigned, floor(epoch seconds / 30)
 *   publicKey    33 bytes   FIRST_USE only: the compressed public key
 *   signature    64 bytes   ECDSA P-256 with SHA-256, r then s (P1363, as WebCrypto signs)
 * </pre>
 *
 * A steady code is 101 bytes, a first-use code 134. The signature covers ASCII {@value
 * #SIGNING_CONTEXT} followed by every byte before the signature. {@link AppCodeDigits} writes this
 * as digits.
 *
 * @param form steady, or first use (which carries the public key)
 * @param accountId the customer's account, made by the app on first use
 * @param deviceKeyId the id of the key the app made on this phone
 * @param timeStep the 30-second step in which the code was made
 * @param publicKey the phone's public key: present exactly for a first-use code
 * @param signature 64 bytes, r then s
 */
public record AppCode(
    Form form,
    UUID accountId,
    DeviceKeyId deviceKeyId,
    long timeStep,
    Optional<DevicePublicKey> publicKey,
    byte[] signature)
    implements CustomerCode {

  /** What the signed message starts with, so the key signs nothing else by mistake. */
  public static final String SIGNING_CONTEXT = "STAMPCARD-APP-1";

  /** Seconds in a time step. */
  public static final int STEP_SECONDS = 30;

  /** The largest time step: four unsigned bytes. */
  public static final long MAX_TIME_STEP = 0xFFFF_FFFFL;

  /** Bytes in a signature: r then s, 32 bytes each. */
  public static final int SIGNATURE_LENGTH = 2 * P256.FIELD_BYTES;

  /** The two forms of an app code. */
  public enum Form {
    /** The usual code of a phone whose key the till already knows. */
    STEADY(1),
    /** The first codes of a new install: they carry the public key, so the till can link it. */
    FIRST_USE(2);

    private final int formByte;

    Form(int formByte) {
      this.formByte = formByte;
    }

    /** The first byte of the binary layout. */
    public int formByte() {
      return formByte;
    }

    /** The two digits a code of this form starts with: {@code 91} or {@code 92}. */
    public String marker() {
      return "9" + formByte;
    }

    /** Bytes in the binary layout of this form: 101 for steady, 134 for first use. */
    public int byteCount() {
      int key = this == FIRST_USE ? DevicePublicKey.COMPRESSED_LENGTH : 0;
      return 1 + 16 + DeviceKeyId.LENGTH + 4 + key + SIGNATURE_LENGTH;
    }

    /** Digits in a code of this form: 245 for steady, 325 for first use. */
    public int digitCount() {
      return AppCodeDigits.digitCount(this);
    }

    static Optional<Form> ofFormByte(int b) {
      for (Form f : values()) {
        if (f.formByte == b) {
          return Optional.of(f);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Checks the parts fit together.
   *
   * @throws IllegalArgumentException if the time step does not fit four unsigned bytes, the
   *     signature is not 64 bytes, or a public key is present on a steady code or missing on a
   *     first-use code
   */
  public AppCode {
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(deviceKeyId, "deviceKeyId");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(signature, "signature");
    if (timeStep < 0 || timeStep > MAX_TIME_STEP) {
      throw new IllegalArgumentException("A time step fits four unsigned bytes, not " + timeStep);
    }
    if (signature.length != SIGNATURE_LENGTH) {
      throw new IllegalArgumentException(
          "A signature has " + SIGNATURE_LENGTH + " bytes, not " + signature.length);
    }
    if (publicKey.isPresent() != (form == Form.FIRST_USE)) {
      throw new IllegalArgumentException("Exactly a first-use code carries the public key");
    }
    signature = signature.clone();
  }

  /** The time step of {@code instant}: floor(epoch seconds / 30). */
  public static long timeStepAt(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
  }

  /** A copy of the signature. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The message the signature covers: ASCII {@value #SIGNING_CONTEXT}, then every byte but it. */
  public byte[] signedBytes() {
    byte[] context = SIGNING_CONTEXT.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer out = ByteBuffer.allocate(context.length + form.byteCount() - SIGNATURE_LENGTH);
    out.put(context);
    putUnsigned(out);
    return out.array();
  }

  /** The binary layout, signature included. */
  public byte[] toBytes() {
    ByteBuffer out = ByteBuffer.allocate(form.byteCount());
    putUnsigned(out);
    out.put(signature);
    return out.array();
  }

  /** The code as digits, as the app shows it in its QR code. */
  public String toDigits() {
    return AppCodeDigits.encode(this);
  }

  private void putUnsigned(ByteBuffer out) {
    out.put((byte) form.formByte());
    out.putLong(accountId.getMostSignificantBits());
    out.putLong(accountId.getLeastSignificantBits());
    out.put(deviceKeyId.bytes());
    out.putInt((int) timeStep);
    publicKey.ifPresent(key -> out.put(key.compressed()));
  }

  @Override
  public IdentifierKind identifierKind() {
    return IdentifierKind.APP_DEVICE;
  }

  /** The device key id in hex. */
  @Override
  public String identifierValue() {
    return deviceKeyId.hex();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AppCode other
        && form == other.form
        && accountId.equals(other.accountId)
        && deviceKeyId.equals(other.deviceKeyId)
        && timeStep == other.timeStep
        && publicKey.equals(other.publicKey)
        && Arrays.equals(signature, other.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(form, accountId, deviceKeyId, timeStep, publicKey)
        + 31 * Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "AppCode[form="
        + form
        + ", accountId="
        + accountId
        + ", deviceKeyId="
        + deviceKeyId
        + ", timeStep="
        + timeStep
        + ", publicKey="
        + (publicKey.isPresent() ? "included" : "none")
        + "]";
  }
}
