package com.stampcard.server.testing;

import com.stampcard.core.code.DeviceKeyId;
import com.stampcard.core.sync.WireIdentifier;
import com.stampcard.server.app.DeviceTicket;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** A customer's phone for tests: the P-256 key its app made, and the tickets it signs. */
public final class AppDevice {
  private final KeyPair keys;
  public final byte[] uncompressed;
  public final DeviceKeyId keyId;

  public AppDevice() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      keys = g.generateKeyPair();
      ECPublicKey pub = (ECPublicKey) keys.getPublic();
      uncompressed = new byte[65];
      uncompressed[0] = 4;
      copy32(pub.getW().getAffineX(), uncompressed, 1);
      copy32(pub.getW().getAffineY(), uncompressed, 33);
      keyId =
          DeviceKeyId.of(
              Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(uncompressed), 16));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copy32(BigInteger v, byte[] into, int at) {
    byte[] b = v.toByteArray();
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, into, at + 32 - n, n);
  }

  /** The APP_DEVICE identifier as a till pushes it. */
  public WireIdentifier identifier(Instant linkedAt) {
    return new WireIdentifier(
        "APP_DEVICE",
        keyId.hex(),
        Base64.getEncoder().encodeToString(uncompressed),
        linkedAt.toString(),
        null);
  }

  public String hex() {
    return HexFormat.of().formatHex(uncompressed);
  }

  /** A ticket for following {@code account} live, for the time step of {@code at}. */
  public String ticket(UUID account, Instant at) {
    return DeviceTicket.make(account, keyId, at, this::sign);
  }

  /** The app code this phone shows at {@code at}: first use (with its key) or steady. */
  public String appCode(UUID account, Instant at, boolean firstUse) {
    java.util.Optional<com.stampcard.core.code.DevicePublicKey> key =
        firstUse
            ? java.util.Optional.of(
                com.stampcard.core.code.DevicePublicKey.fromUncompressed(uncompressed))
            : java.util.Optional.empty();
    com.stampcard.core.code.AppCode.Form form =
        firstUse
            ? com.stampcard.core.code.AppCode.Form.FIRST_USE
            : com.stampcard.core.code.AppCode.Form.STEADY;
    long step = com.stampcard.core.code.AppCode.timeStepAt(at);
    com.stampcard.core.code.AppCode unsigned =
        new com.stampcard.core.code.AppCode(form, account, keyId, step, key, new byte[64]);
    return new com.stampcard.core.code.AppCode(
            form, account, keyId, step, key, sign(unsigned.signedBytes()))
        .toDigits();
  }

  public byte[] sign(byte[] message) {
    try {
      Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
      s.initSign(keys.getPrivate());
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
