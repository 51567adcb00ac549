package com.stampcard.server.app;

import com.stampcard.core.code.DeviceKeyId;
import com.stampcard.core.code.DevicePublicKey;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * What a customer's app shows the server to follow its account live: signed by the key the app made
 * on the phone (the key of its APP_DEVICE identifier), for one account and one 30-second time step.
 * Unlike the app code at the counter it carries its own signing context, so neither can stand in
 * for the other.
 *
 * <p>Layout, base64url without padding (135 characters), all big-endian:
 *
 * <pre>
 *   version       1 byte    1
 *   accountId    16 bytes   UUID, most significant half first
 *   deviceKeyId  16 bytes   first 16 bytes of SHA-256 of the uncompressed public key
 *   timeStep      4 bytes   unsigned, floor(epoch seconds / 30)
 *   signature    64 bytes   ECDSA P-256 with SHA-256, r then s (P1363, as WebCrypto signs)
 * </pre>
 *
 * The signature covers ASCII {@value #SIGNING_CONTEXT} followed by the 37 bytes before it.
 */
public record DeviceTicket(
    UUID account, DeviceKeyId device, long timeStep, byte[] signedBytes, byte[] signature) {

  /** What the signed message starts with. */
  public static final String SIGNING_CONTEXT = "STAMPCARD-APP-LIVE-1";

  /** Seconds in a time step, as in the app code. */
  public static final int STEP_SECONDS = 30;

  static final int STEPS_BACK = 2;
  static final int STEPS_AHEAD = 1;

  private static final int BODY = 1 + 16 + 16 + 4;
  private static final int LENGTH = BODY + 64;

  /** The order of P-256: r and s must lie in [1, n - 1]. */
  private static final BigInteger N =
      new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

  public DeviceTicket {
    signedBytes = signedBytes.clone();
    signature = signature.clone();
  }

  /** The ticket in {@code text}, or empty if it is not one. */
  public static Optional<DeviceTicket> parse(String text) {
    if (text == null || text.length() > 200) {
      return Optional.empty();
    }
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (raw.length != LENGTH || raw[0] != 1) {
      return Optional.empty();
    }
    ByteBuffer b = ByteBuffer.wrap(raw);
    b.get();
    UUID account = new UUID(b.getLong(), b.getLong());
    byte[] device = new byte[16];
    b.get(device);
    long step = Integer.toUnsignedLong(b.getInt());
    byte[] body = Arrays.copyOf(raw, BODY);
    byte[] context = SIGNING_CONTEXT.getBytes(StandardCharsets.US_ASCII);
    byte[] signed = new byte[context.length + BODY];
    System.arraycopy(context, 0, signed, 0, context.length);
    System.arraycopy(body, 0, signed, context.length, BODY);
    return Optional.of(
        new DeviceTicket(
            account, DeviceKeyId.of(device), step, signed, Arrays.copyOfRange(raw, BODY, LENGTH)));
  }

  /** Whether the step lies in the window around {@code now}: two steps back, one ahead. */
  public boolean freshAt(Instant now) {
    long current = Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
    return timeStep >= current - STEPS_BACK && timeStep <= current + STEPS_AHEAD;
  }

  /** Whether {@code key} made the signature. */
  public boolean signedBy(DevicePublicKey key) {
    if (!key.keyId().equals(device) || !scalar(0) || !scalar(32)) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
      verifier.initVerify(key.ecPublicKey());
      verifier.update(signedBytes);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  // r = s = 0 passed some JDKs' check (CVE-2022-21449): refused here whatever the JDK
  private boolean scalar(int offset) {
    BigInteger v = new BigInteger(1, Arrays.copyOfRange(signature, offset, offset + 32));
    return v.signum() > 0 && v.compareTo(N) < 0;
  }

  /**
   * Makes a ticket: what the app does in WebCrypto, for tests, benchmarks and a Java client.
   *
   * @param sign signs the bytes given with the device's private key (P1363 form)
   */
  public static String make(
      UUID account,
      DeviceKeyId device,
      Instant at,
      java.util.function.Function<byte[], byte[]> sign) {
    ByteBuffer b = ByteBuffer.allocate(BODY);
    b.put((byte) 1);
    b.putLong(account.getMostSignificantBits()).putLong(account.getLeastSignificantBits());
    b.put(device.bytes());
    b.putInt((int) Math.floorDiv(at.getEpochSecond(), STEP_SECONDS));
    byte[] body = b.array();
    byte[] context = SIGNING_CONTEXT.getBytes(StandardCharsets.US_ASCII);
    byte[] signed = new byte[context.length + BODY];
    System.arraycopy(context, 0, signed, 0, context.length);
    System.arraycopy(body, 0, signed, context.length, BODY);
    byte[] signature = sign.apply(signed);
    byte[] raw = Arrays.copyOf(body, LENGTH);
    System.arraycopy(signature, 0, raw, BODY, 64);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
