package com.stampcard.core.code;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Test fixture that plays a phone running the Stampcard app: it makes a P-256 key pair with the JDK
 * and signs steady and first-use app codes with {@code SHA256withECDSAinP1363Format}, as WebCrypto
 * would. It builds the key forms, key id and signed message itself, from the layout in {@link
 * AppCode}'s documentation, so it checks the production code rather than repeating it.
 *
 * <p>Other modules reuse it through core's test-jar.
 */
public final class AppCodeMaker {
  private final KeyPair keyPair;
  private final UUID accountId;

  private AppCodeMaker(KeyPair keyPair, UUID accountId) {
    this.keyPair = keyPair;
    this.accountId = accountId;
  }

  /** A new install with a fresh key and a random account id. */
  public static AppCodeMaker newPhone() {
    return newPhone(UUID.randomUUID());
  }

  /** A new install with a fresh key, for the given account. */
  public static AppCodeMaker newPhone(UUID accountId) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return new AppCodeMaker(generator.generateKeyPair(), accountId);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same phone, showing another account id (as after a merge, or a forger would). */
  public AppCodeMaker forAccount(UUID otherAccount) {
    return new AppCodeMaker(keyPair, otherAccount);
  }

  public UUID accountId() {
    return accountId;
  }

  /** The JDK public key. */
  public ECPublicKey ecPublicKey() {
    return (ECPublicKey) keyPair.getPublic();
  }

  /** The public key as WebCrypto exports it "raw": 0x04, X, Y. */
  public byte[] uncompressedKey() {
    byte[] out = new byte[65];
    out[0] = 0x04;
    System.arraycopy(field(ecPublicKey().getW().getAffineX()), 0, out, 1, 32);
    System.arraycopy(field(ecPublicKey().getW().getAffineY()), 0, out, 33, 32);
    return out;
  }

  /** The public key in compressed form: 0x02 or 0x03 by the parity of Y, then X. */
  public byte[] compressedKey() {
    byte[] out = new byte[33];
    out[0] = (byte) (ecPublicKey().getW().getAffineY().testBit(0) ? 0x03 : 0x02);
    System.arraycopy(field(ecPublicKey().getW().getAffineX()), 0, out, 1, 32);
    return out;
  }

  /** The first 16 bytes of SHA-256 of the uncompressed key. */
  public byte[] keyIdBytes() {
    try {
      return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(uncompressedKey()), 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key as the till stores it. */
  public DevicePublicKey publicKey() {
    return DevicePublicKey.fromUncompressed(uncompressedKey());
  }

  public DeviceKeyId keyId() {
    return DeviceKeyId.of(keyIdBytes());
  }

  /** A steady code made at {@code instant}. */
  public AppCode steadyAt(Instant instant) {
    return steady(Math.floorDiv(instant.getEpochSecond(), 30));
  }

  /** A first-use code made at {@code instant}. */
  public AppCode firstUseAt(Instant instant) {
    return firstUse(Math.floorDiv(instant.getEpochSecond(), 30));
  }

  /** A steady code for {@code timeStep}. */
  public AppCode steady(long timeStep) {
    return new AppCode(
        AppCode.Form.STEADY,
        accountId,
        keyId(),
        timeStep,
        Optional.empty(),
        sign(unsignedLayout(1, timeStep)));
  }

  /** A first-use code for {@code timeStep}, carrying the public key. */
  public AppCode firstUse(long timeStep) {
    return new AppCode(
        AppCode.Form.FIRST_USE,
        accountId,
        keyId(),
        timeStep,
        Optional.of(DevicePublicKey.fromCompressed(compressedKey())),
        sign(unsignedLayout(2, timeStep)));
  }

  /**
   * The binary layout without the signature: form, account id, key id, step, and for a first use
   * (form 2) the compressed key.
   */
  public byte[] unsignedLayout(int form, long timeStep) {
    ByteBuffer out = ByteBuffer.allocate(form == 2 ? 70 : 37);
    out.put((byte) form);
    out.putLong(accountId.getMostSignificantBits());
    out.putLong(accountId.getLeastSignificantBits());
    out.put(keyIdBytes());
    out.putInt((int) timeStep);
    if (form == 2) {
      out.put(compressedKey());
    }
    return out.array();
  }

  /** The full binary layout: the unsigned layout and its signature. */
  public byte[] signedLayout(int form, long timeStep) {
    byte[] unsigned = unsignedLayout(form, timeStep);
    byte[] signature = sign(unsigned);
    byte[] out = Arrays.copyOf(unsigned, unsigned.length + signature.length);
    System.arraycopy(signature, 0, out, unsigned.length, signature.length);
    return out;
  }

  /** Signs "STAMPCARD-APP-1" followed by {@code unsignedLayout}: 64 bytes, r then s. */
  public byte[] sign(byte[] unsignedLayout) {
    byte[] context = "STAMPCARD-APP-1".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
      signer.initSign(keyPair.getPrivate());
      signer.update(context);
      signer.update(unsignedLayout);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] field(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
    return out;
  }
}
