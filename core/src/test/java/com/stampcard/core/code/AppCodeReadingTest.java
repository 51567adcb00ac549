package com.stampcard.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class AppCodeReadingTest {
  private static final AppCodeMaker PHONE = AppCodeMaker.newPhone();
  private static final String STEADY = PHONE.steady(58_000_000L).toDigits();
  private static final String FIRST_USE = PHONE.firstUse(58_000_000L).toDigits();

  @Test
  void steadyCodeReadsBackAsTheSameCode() {
    AppCode code = PHONE.steady(58_000_000L);

    assertThat(CustomerCodes.fromText(code.toDigits())).isEqualTo(new CodeReading.Recognised(code));
  }

  @Test
  void firstUseCodeReadsBackWithItsPublicKey() {
    AppCode code = PHONE.firstUse(58_000_000L);

    CodeReading reading = CustomerCodes.fromText(code.toDigits());

    assertThat(reading).isEqualTo(new CodeReading.Recognised(code));
    assertThat(((AppCode) ((CodeReading.Recognised) reading).code()).publicKey())
        .contains(PHONE.publicKey());
  }

  @Property(tries = 200)
  void everyCodeReadsBackAsItself(
      @ForAll long accountHigh,
      @ForAll long accountLow,
      @ForAll @LongRange(min = 0, max = AppCode.MAX_TIME_STEP) long timeStep,
      @ForAll boolean firstUse) {
    AppCodeMaker phone = PHONE.forAccount(new UUID(accountHigh, accountLow));
    AppCode code = firstUse ? phone.firstUse(timeStep) : phone.steady(timeStep);

    assertThat(CustomerCodes.fromText(code.toDigits())).isEqualTo(new CodeReading.Recognised(code));
    assertThat(code.toBytes()).isEqualTo(phoneLayout(phone, code));
  }

  @Test
  void codeIsFoundByItsDeviceKeyId() {
    AppCode code = PHONE.steady(1);

    assertThat(code.identifierKind()).isEqualTo(IdentifierKind.APP_DEVICE);
    assertThat(code.identifierValue()).isEqualTo(PHONE.keyId().hex()).hasSize(32);
  }

  @Test
  void scannerEnterAfterTheCodeIsIgnored() {
    assertThat(CustomerCodes.fromText(STEADY + "\r\n"))
        .isEqualTo(CustomerCodes.fromText(STEADY))
        .isInstanceOf(CodeReading.Recognised.class);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void everyPrefixOfASteadyCodeIsRefused(@ForAll @IntRange(min = 0, max = 244) int length) {
    assertPrefixIsRefused(STEADY, length);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void everyPrefixOfAFirstUseCodeIsRefused(@ForAll @IntRange(min = 0, max = 324) int length) {
    assertPrefixIsRefused(FIRST_USE, length);
  }

  private static void assertPrefixIsRefused(String code, int length) {
    String prefix = code.substring(0, length);

    CodeReading reading = CustomerCodes.fromText(prefix);
    CodeReading token = CustomerCodes.fromPhoneToken(prefix.getBytes());

    assertThat(reading).isInstanceOf(CodeReading.NotACode.class);
    assertThat(token).isInstanceOf(CodeReading.NotACode.class);
    if (length >= 21) {
      assertThat(((CodeReading.NotACode) reading).problem())
          .isEqualTo(CodeProblem.APP_CODE_TRUNCATED);
    }
    if (length >= 2) {
      assertThat(((CodeReading.NotACode) token).problem())
          .isEqualTo(CodeProblem.APP_CODE_TRUNCATED);
    }
  }

  @Test
  void shortDigitsStartingLikeAnAppCodeAreAProductBarcodeNotATruncatedCode() {
    assertThat(CustomerCodes.fromText("912345678904"))
        .isEqualTo(
            new CodeReading.NotACode(
                CodeProblem.NOT_A_STAMPCARD_CODE,
                "12 characters: not a card number, app code or magstripe track"));
  }

  @Test
  void codeWithExtraDigitsIsMalformed() {
    assertThat(CustomerCodes.fromText(STEADY + "0"))
        .isEqualTo(
            new CodeReading.NotACode(
                CodeProblem.APP_CODE_MALFORMED, "STEADY code has 246 digits, expected 245"));
  }

  @Test
  void codeFromALaterVersionIsNamedAsSuch() {
    assertThat(CustomerCodes.fromText("93" + STEADY.substring(2)))
        .isEqualTo(
            new CodeReading.NotACode(CodeProblem.APP_CODE_UNKNOWN_VERSION, "marker 93 is unknown"));
    assertThat(CustomerCodes.fromText("98" + FIRST_USE.substring(2)))
        .isInstanceOfSatisfying(
            CodeReading.NotACode.class,
            notACode ->
                assertThat(notACode.problem()).isEqualTo(CodeProblem.APP_CODE_UNKNOWN_VERSION));
  }

  @Test
  void codeWithADigitLeftOutInTheMiddleIsRefused() {
    assertThat(CustomerCodes.fromText(STEADY.substring(0, 100) + STEADY.substring(101)))
        .isInstanceOfSatisfying(
            CodeReading.NotACode.class,
            notACode -> assertThat(notACode.problem()).isEqualTo(CodeProblem.APP_CODE_TRUNCATED));
  }

  @Test
  void firstUseCodeWhoseKeyIdIsNotItsKeyIsAKeyMismatch() {
    AppCodeMaker other = AppCodeMaker.newPhone();
    byte[] unsigned =
        ByteBuffer.allocate(70)
            .put((byte) 2)
            .putLong(PHONE.accountId().getMostSignificantBits())
            .putLong(PHONE.accountId().getLeastSignificantBits())
            .put(PHONE.keyIdBytes())
            .putInt(42)
            .put(other.compressedKey())
            .array();
    String digits = AppCodeDigits.encode(withSignature(unsigned, other.sign(unsigned)));

    assertThat(CustomerCodes.fromText(digits))
        .isInstanceOfSatisfying(
            CodeReading.NotACode.class,
            notACode -> assertThat(notACode.problem()).isEqualTo(CodeProblem.KEY_MISMATCH));
  }

  @Test
  void firstUseCodeWithABadKeyPrefixIsMalformed() {
    byte[] layout = PHONE.signedLayout(2, 42);
    layout[37] = 0x04;

    assertThat(CustomerCodes.fromText(AppCodeDigits.encode(layout)))
        .isEqualTo(
            new CodeReading.NotACode(
                CodeProblem.APP_CODE_MALFORMED, "public key is not a compressed point on P-256"));
  }

  @Test
  void firstUseCodeWhoseKeyIsNotOnTheCurveIsMalformed() {
    byte[] layout = PHONE.signedLayout(2, 42);
    byte[] x = P256.toFieldBytes(xWithNoPointOnTheCurve());
    System.arraycopy(x, 0, layout, 38, 32);

    assertThat(CustomerCodes.fromText(AppCodeDigits.encode(layout)))
        .isInstanceOfSatisfying(
            CodeReading.NotACode.class,
            notACode -> assertThat(notACode.problem()).isEqualTo(CodeProblem.APP_CODE_MALFORMED));
  }

  /** An x for which x³ − 3x + b is not a square mod p (Euler's criterion), found afresh here. */
  static BigInteger xWithNoPointOnTheCurve() {
    BigInteger p =
        new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    BigInteger b =
        new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);
    BigInteger half = p.subtract(BigInteger.ONE).shiftRight(1);
    for (BigInteger x = BigInteger.ONE; ; x = x.add(BigInteger.ONE)) {
      BigInteger rhs = x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(b).mod(p);
      if (rhs.modPow(half, p).equals(p.subtract(BigInteger.ONE))) {
        return x;
      }
    }
  }

  @Test
  void signatureIsKeptAsACopy() {
    AppCode original = PHONE.steady(1);
    byte[] signature = original.signature();
    AppCode code =
        new AppCode(
            original.form(),
            original.accountId(),
            original.deviceKeyId(),
            original.timeStep(),
            original.publicKey(),
            signature);

    signature[0] ^= 1;
    code.signature()[1] ^= 1;

    assertThat(code).isEqualTo(original);
  }

  @Test
  void codesWithTheSameContentAreEqual() {
    AppCode code = PHONE.steady(1);
    AppCode copy =
        new AppCode(
            code.form(),
            code.accountId(),
            code.deviceKeyId(),
            code.timeStep(),
            code.publicKey(),
            code.signature());

    assertThat(copy).isEqualTo(code).hasSameHashCodeAs(code);
    assertThat(copy.toString()).contains("STEADY").contains(PHONE.keyId().hex());
  }

  @Test
  void codeWithPartsThatDoNotFitCannotBeMade() {
    AppCode code = PHONE.steady(1);

    assertThatThrownBy(
            () ->
                new AppCode(
                    AppCode.Form.FIRST_USE,
                    code.accountId(),
                    code.deviceKeyId(),
                    1,
                    Optional.empty(),
                    code.signature()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new AppCode(
                    AppCode.Form.STEADY,
                    code.accountId(),
                    code.deviceKeyId(),
                    AppCode.MAX_TIME_STEP + 1,
                    Optional.empty(),
                    code.signature()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new AppCode(
                    AppCode.Form.STEADY,
                    code.accountId(),
                    code.deviceKeyId(),
                    1,
                    Optional.empty(),
                    new byte[63]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static byte[] withSignature(byte[] unsigned, byte[] signature) {
    return ByteBuffer.allocate(unsigned.length + signature.length)
        .put(unsigned)
        .put(signature)
        .array();
  }

  /** The layout the phone would make for a code's step and form, with the code's signature. */
  private static byte[] phoneLayout(AppCodeMaker phone, AppCode code) {
    return withSignature(
        phone.unsignedLayout(code.form().formByte(), code.timeStep()), code.signature());
  }
}
