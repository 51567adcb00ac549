package com.stampcard.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DevicePublicKeyTest {
  private static final BigInteger P =
      new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);

  @Test
  void curveIsNistP256() {
    assertThat(P256.P).isEqualTo(P);
    assertThat(P256.B.toString(16))
        .isEqualTo("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b");
    assertThat(P256.A).isEqualTo(P.subtract(BigInteger.valueOf(3)));
  }

  @Test
  void compressedKeyDecompressesToThePhonesKey() {
    // Fifty fresh keys: about half have an odd Y, so both prefixes 02 and 03 are covered.
    for (int i = 0; i < 50; i++) {
      AppCodeMaker phone = AppCodeMaker.newPhone();

      DevicePublicKey fromCompressed = DevicePublicKey.fromCompressed(phone.compressedKey());

      assertThat(fromCompressed.uncompressed()).isEqualTo(phone.uncompressedKey());
      assertThat(fromCompressed.compressed()).isEqualTo(phone.compressedKey());
      assertThat(fromCompressed.ecPublicKey().getW()).isEqualTo(phone.ecPublicKey().getW());
      assertThat(fromCompressed).isEqualTo(DevicePublicKey.of(phone.ecPublicKey()));
    }
  }

  @Test
  void keyIdIsTheFirstSixteenBytesOfSha256OfTheUncompressedKey() throws Exception {
    AppCodeMaker phone = AppCodeMaker.newPhone();
    byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(phone.uncompressedKey());

    DeviceKeyId keyId = DevicePublicKey.of(phone.ecPublicKey()).keyId();

    assertThat(keyId.bytes()).isEqualTo(Arrays.copyOf(sha256, 16));
    assertThat(keyId.hex()).isEqualTo(HexFormat.of().formatHex(sha256, 0, 16));
    assertThat(DeviceKeyId.fromHex(keyId.hex())).isEqualTo(keyId).hasSameHashCodeAs(keyId);
  }

  @Test
  void pointOffTheCurveIsRefused() {
    byte[] key = AppCodeMaker.newPhone().uncompressedKey();
    key[64] ^= 1;

    assertThatThrownBy(() -> DevicePublicKey.fromUncompressed(key))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void xWithNoPointOnTheCurveIsRefused() {
    byte[] compressed = new byte[33];
    compressed[0] = 0x02;
    System.arraycopy(
        P256.toFieldBytes(AppCodeReadingTest.xWithNoPointOnTheCurve()), 0, compressed, 1, 32);

    assertThatThrownBy(() -> DevicePublicKey.fromCompressed(compressed))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void coordinateOutsideTheFieldIsRefused() {
    byte[] compressed = new byte[33];
    compressed[0] = 0x03;
    System.arraycopy(P256.toFieldBytes(P), 0, compressed, 1, 32);

    assertThatThrownBy(() -> DevicePublicKey.fromCompressed(compressed))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyOfWrongLengthOrPrefixIsRefused() {
    byte[] uncompressed = AppCodeMaker.newPhone().uncompressedKey();
    byte[] compressed = AppCodeMaker.newPhone().compressedKey();

    assertThatThrownBy(() -> DevicePublicKey.fromUncompressed(Arrays.copyOf(uncompressed, 64)))
        .isInstanceOf(IllegalArgumentException.class);
    uncompressed[0] = 0x02;
    assertThatThrownBy(() -> DevicePublicKey.fromUncompressed(uncompressed))
        .isInstanceOf(IllegalArgumentException.class);
    compressed[0] = 0x04;
    assertThatThrownBy(() -> DevicePublicKey.fromCompressed(compressed))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyOnAnotherCurveIsRefused() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp384r1"));
    ECPublicKey p384 = (ECPublicKey) generator.generateKeyPair().getPublic();

    assertThatThrownBy(() -> DevicePublicKey.of(p384)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyIdHasSixteenBytes() {
    assertThatThrownBy(() -> DeviceKeyId.of(new byte[15]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeviceKeyId.fromHex("00"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeviceKeyId.fromHex("zz".repeat(16)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyShowsOnlyItsIdWhenPrinted() {
    AppCodeMaker phone = AppCodeMaker.newPhone();

    assertThat(phone.publicKey().toString()).contains(phone.keyId().hex());
  }
}
