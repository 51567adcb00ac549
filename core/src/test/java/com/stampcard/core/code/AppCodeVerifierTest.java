package com.stampcard.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stampcard.core.code.AppCodeVerifier.Verdict;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppCodeVerifierTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:15Z");
  private static final long STEP = NOW.getEpochSecond() / 30;
  private static final AppCodeMaker PHONE = AppCodeMaker.newPhone();
  private static final AppCodeMaker OTHER_PHONE = AppCodeMaker.newPhone();

  private final InMemoryUsedAppCodes used = new InMemoryUsedAppCodes();
  private final AppCodeVerifier verifier =
      new AppCodeVerifier(Clock.fixed(NOW, ZoneOffset.UTC), used);

  @Test
  void genuineSteadyCodeIsValid() {
    AppCode code = PHONE.steady(STEP);

    assertThat(verifier.verify(code, PHONE.publicKey()))
        .isEqualTo(new Verdict.Valid(code, PHONE.publicKey()));
    assertThat(used.size()).isEqualTo(1);
  }

  @Test
  void genuineFirstUseCodeIsValidWithTheKeyItCarries() {
    AppCode code = PHONE.firstUse(STEP);

    assertThat(verifier.verify(code, Optional.empty()))
        .isEqualTo(new Verdict.Valid(code, PHONE.publicKey()));
  }

  @Test
  void firstUseCodeOfAKnownDeviceIsValid() {
    AppCode code = PHONE.firstUse(STEP);

    assertThat(verifier.verify(code, PHONE.publicKey())).isInstanceOf(Verdict.Valid.class);
  }

  @Test
  void codeReadFromDigitsVerifies() {
    CodeReading reading = CustomerCodes.fromText(PHONE.firstUseAt(NOW).toDigits());
    AppCode code = (AppCode) ((CodeReading.Recognised) reading).code();

    assertThat(verifier.verify(code, Optional.empty())).isInstanceOf(Verdict.Valid.class);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void flippedSignatureBitIsRefused(@ForAll @IntRange(min = 0, max = 511) int bit) {
    InMemoryUsedAppCodes slots = new InMemoryUsedAppCodes();
    AppCode code = withBitFlipped(PHONE.steady(STEP), 1 + 16 + 16 + 4, bit);

    Verdict verdict = verifierUsing(slots).verify(code, PHONE.publicKey());

    assertThat(refusal(verdict)).isEqualTo(CodeProblem.SIGNATURE_INVALID);
    assertThat(slots.size()).isZero();
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void flippedAccountOrStepBitIsRefused(@ForAll @IntRange(min = 0, max = 159) int bit) {
    InMemoryUsedAppCodes slots = new InMemoryUsedAppCodes();
    // Bits 0..127 are the account id; 128..159 the time step (skipping the key id between them).
    int layoutBit = bit < 128 ? 8 + bit : 8 + 128 + 128 + (bit - 128);
    byte[] layout = PHONE.signedLayout(1, STEP);
    layout[layoutBit / 8] ^= (byte) (0x80 >>> (layoutBit % 8));
    AppCode code = read(AppCodeDigits.encode(layout));

    Verdict verdict = verifierUsing(slots).verify(code, PHONE.publicKey());

    assertThat(refusal(verdict)).isEqualTo(CodeProblem.SIGNATURE_INVALID);
    assertThat(slots.size()).isZero();
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void flippedKeyIdBitIsAKeyMismatch(@ForAll @IntRange(min = 0, max = 127) int bit) {
    AppCode code = PHONE.steady(STEP);
    byte[] keyId = code.deviceKeyId().bytes();
    keyId[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
    AppCode tampered =
        new AppCode(
            code.form(),
            code.accountId(),
            DeviceKeyId.of(keyId),
            code.timeStep(),
            code.publicKey(),
            code.signature());

    assertThat(refusal(verifier.verify(tampered, PHONE.publicKey())))
        .isEqualTo(CodeProblem.KEY_MISMATCH);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void flippedBitInAFirstUseCodesKeyNeverVerifies(@ForAll @IntRange(min = 0, max = 263) int bit) {
    byte[] layout = PHONE.signedLayout(2, STEP);
    layout[37 + bit / 8] ^= (byte) (0x80 >>> (bit % 8));
    CodeReading reading = CustomerCodes.fromText(AppCodeDigits.encode(layout));

    if (reading instanceof CodeReading.Recognised recognised) {
      assertThat(verifier.verify((AppCode) recognised.code(), Optional.empty()))
          .isInstanceOf(Verdict.Refused.class);
    } else {
      assertThat(((CodeReading.NotACode) reading).problem())
          .isIn(CodeProblem.APP_CODE_MALFORMED, CodeProblem.KEY_MISMATCH);
    }
    assertThat(used.size()).isZero();
  }

  @ParameterizedTest(name = "forged code of step now{0}")
  @ValueSource(ints = {-100, 0, 100})
  void forgedCodeIsRefusedForItsSignatureWhateverItsStep(int offset) {
    AppCode forged = withBitFlipped(PHONE.steady(STEP + offset), 37, 0);

    assertThat(refusal(verifier.verify(forged, PHONE.publicKey())))
        .isEqualTo(CodeProblem.SIGNATURE_INVALID);
  }

  @Test
  void codeSignedByAnotherPhoneUnderThisPhonesIdIsRefused() {
    byte[] unsigned = PHONE.unsignedLayout(1, STEP);
    AppCode forged =
        read(
            AppCodeDigits.encode(
                AppCodeReadingTest.withSignature(unsigned, OTHER_PHONE.sign(unsigned))));

    assertThat(refusal(verifier.verify(forged, PHONE.publicKey())))
        .isEqualTo(CodeProblem.SIGNATURE_INVALID);
  }

  @Test
  void codeCheckedWithAnotherDevicesStoredKeyIsAKeyMismatch() {
    assertThat(refusal(verifier.verify(PHONE.steady(STEP), OTHER_PHONE.publicKey())))
        .isEqualTo(CodeProblem.KEY_MISMATCH);
    assertThat(refusal(verifier.verify(PHONE.firstUse(STEP), OTHER_PHONE.publicKey())))
        .isEqualTo(CodeProblem.KEY_MISMATCH);
    assertThat(used.size()).isZero();
  }

  @Test
  void firstUseCodeCarryingAnotherKeyThanItsIdIsAKeyMismatch() {
    AppCode own = OTHER_PHONE.firstUse(STEP);
    AppCode claimingThisPhone =
        new AppCode(
            own.form(),
            PHONE.accountId(),
            PHONE.keyId(),
            own.timeStep(),
            own.publicKey(),
            own.signature());

    assertThat(refusal(verifier.verify(claimingThisPhone, Optional.empty())))
        .isEqualTo(CodeProblem.KEY_MISMATCH);
  }

  @Test
  void steadyCodeOfAnUnknownDeviceIsRefused() {
    assertThat(refusal(verifier.verify(PHONE.steady(STEP), Optional.empty())))
        .isEqualTo(CodeProblem.APP_DEVICE_UNKNOWN);
  }

  @ParameterizedTest(name = "step now{0} is accepted")
  @ValueSource(ints = {-2, -1, 0, 1})
  void codeInsideTheWindowIsValid(int offset) {
    assertThat(verifier.verify(PHONE.steady(STEP + offset), PHONE.publicKey()))
        .isInstanceOf(Verdict.Valid.class);
  }

  @ParameterizedTest(name = "step now{0} has expired")
  @ValueSource(ints = {-3, -4, -120, -1_000_000})
  void codeOlderThanTheWindowHasExpired(int offset) {
    assertThat(refusal(verifier.verify(PHONE.steady(STEP + offset), PHONE.publicKey())))
        .isEqualTo(CodeProblem.CODE_EXPIRED);
    assertThat(used.size()).isZero();
  }

  @ParameterizedTest(name = "step now+{0} is from the future")
  @ValueSource(ints = {2, 3, 120})
  void codeLaterThanTheWindowIsFromTheFuture(int offset) {
    assertThat(refusal(verifier.verify(PHONE.steady(STEP + offset), PHONE.publicKey())))
        .isEqualTo(CodeProblem.CODE_FROM_THE_FUTURE);
    assertThat(used.size()).isZero();
  }

  @Test
  void screenshotIsWorthNothingAMinuteAndAHalfLater() {
    AppCode screenshot = PHONE.steadyAt(NOW);
    AppCodeVerifier later =
        new AppCodeVerifier(Clock.fixed(NOW.plusSeconds(90), ZoneOffset.UTC), used);

    assertThat(refusal(later.verify(screenshot, PHONE.publicKey())))
        .isEqualTo(CodeProblem.CODE_EXPIRED);
  }

  @Test
  void narrowerWindowIsHonoured() {
    AppCodeVerifier strict = new AppCodeVerifier(Clock.fixed(NOW, ZoneOffset.UTC), used, 0, 0);

    assertThat(refusal(strict.verify(PHONE.steady(STEP - 1), PHONE.publicKey())))
        .isEqualTo(CodeProblem.CODE_EXPIRED);
    assertThat(refusal(strict.verify(PHONE.steady(STEP + 1), PHONE.publicKey())))
        .isEqualTo(CodeProblem.CODE_FROM_THE_FUTURE);
    assertThat(strict.verify(PHONE.steady(STEP), PHONE.publicKey()))
        .isInstanceOf(Verdict.Valid.class);
  }

  @Test
  void sameCodeTwiceIsAReplay() {
    AppCode code = PHONE.steady(STEP);
    verifier.verify(code, PHONE.publicKey());

    assertThat(verifier.verify(code, PHONE.publicKey()))
        .isEqualTo(
            new Verdict.Refused(CodeProblem.CODE_ALREADY_USED, "step " + STEP + " already used"));
  }

  @Test
  void anotherCodeOfTheSameDeviceAndStepIsAReplay() {
    verifier.verify(PHONE.firstUse(STEP), Optional.empty());

    // ECDSA signs with a fresh nonce, so this code's bytes differ from the first one's.
    assertThat(refusal(verifier.verify(PHONE.steady(STEP), PHONE.publicKey())))
        .isEqualTo(CodeProblem.CODE_ALREADY_USED);
  }

  @Test
  void reEncodedSignatureOfAUsedCodeIsAReplay() {
    AppCode code = PHONE.steady(STEP);
    verifier.verify(code, PHONE.publicKey());
    byte[] signature = code.signature();
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
    System.arraycopy(P256.toFieldBytes(P256.N.subtract(s)), 0, signature, 32, 32);
    AppCode malleated =
        new AppCode(
            code.form(),
            code.accountId(),
            code.deviceKeyId(),
            code.timeStep(),
            code.publicKey(),
            signature);

    assertThat(refusal(verifier.verify(malleated, PHONE.publicKey())))
        .isEqualTo(CodeProblem.CODE_ALREADY_USED);
  }

  @Test
  void sameStepOnTwoPhonesIsTwoValidCodes() {
    assertThat(verifier.verify(PHONE.steady(STEP), PHONE.publicKey()))
        .isInstanceOf(Verdict.Valid.class);
    assertThat(verifier.verify(OTHER_PHONE.steady(STEP), OTHER_PHONE.publicKey()))
        .isInstanceOf(Verdict.Valid.class);
  }

  @Test
  void forgedCodeDoesNotUseUpTheRealOnesSlot() {
    AppCode genuine = PHONE.steady(STEP);
    verifier.verify(withBitFlipped(genuine, 37, 5), PHONE.publicKey());

    assertThat(verifier.verify(genuine, PHONE.publicKey())).isInstanceOf(Verdict.Valid.class);
  }

  @Test
  void signatureOfZerosIsRefused() {
    AppCode code = PHONE.steady(STEP);
    AppCode zeros =
        new AppCode(
            code.form(),
            code.accountId(),
            code.deviceKeyId(),
            code.timeStep(),
            code.publicKey(),
            new byte[64]);

    assertThat(refusal(verifier.verify(zeros, PHONE.publicKey())))
        .isEqualTo(CodeProblem.SIGNATURE_INVALID);
  }

  @Test
  void signatureWithRAtTheGroupOrderIsRefused() {
    AppCode code = PHONE.steady(STEP);
    byte[] signature = code.signature();
    System.arraycopy(P256.toFieldBytes(P256.N), 0, signature, 0, 32);
    AppCode outOfRange =
        new AppCode(
            code.form(),
            code.accountId(),
            code.deviceKeyId(),
            code.timeStep(),
            code.publicKey(),
            signature);

    assertThat(refusal(verifier.verify(outOfRange, PHONE.publicKey())))
        .isEqualTo(CodeProblem.SIGNATURE_INVALID);
  }

  @Test
  void codeScannedAtTwoTillCountersAtOnceIsValidOnlyOnce() throws Exception {
    AppCode code = PHONE.steady(STEP);
    List<Callable<Verdict>> scans = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      scans.add(() -> verifier.verify(code, PHONE.publicKey()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Verdict> verdicts = new ArrayList<>();
    try {
      for (Future<Verdict> f : pool.invokeAll(scans)) {
        verdicts.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(verdicts).filteredOn(v -> v instanceof Verdict.Valid).hasSize(1);
  }

  @Property
  void randomLayoutUnderAKnownKeyIdNeverVerifies(
      @ForAll @Size(min = 100, max = 100) byte[] randomAfterForm, @ForAll boolean firstUse) {
    byte[] layout = new byte[firstUse ? 134 : 101];
    layout[0] = (byte) (firstUse ? 2 : 1);
    System.arraycopy(randomAfterForm, 0, layout, 1, 100);
    System.arraycopy(PHONE.keyIdBytes(), 0, layout, 17, 16);
    if (firstUse) {
      System.arraycopy(randomAfterForm, 0, layout, 101, 33);
      System.arraycopy(PHONE.compressedKey(), 0, layout, 37, 33);
    }
    CodeReading reading = CustomerCodes.fromText(AppCodeDigits.encode(layout));

    if (reading instanceof CodeReading.Recognised recognised) {
      assertThat(verifier.verify((AppCode) recognised.code(), PHONE.publicKey()))
          .isInstanceOf(Verdict.Refused.class);
    }
    assertThat(used.size()).isZero();
  }

  @Test
  void windowCannotBeNegative() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    assertThatThrownBy(() -> new AppCodeVerifier(clock, used, -1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AppCodeVerifier(clock, used, 2, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static AppCodeVerifier verifierUsing(UsedAppCodes slots) {
    return new AppCodeVerifier(Clock.fixed(NOW, ZoneOffset.UTC), slots);
  }

  private static CodeProblem refusal(Verdict verdict) {
    assertThat(verdict).isInstanceOf(Verdict.Refused.class);
    return ((Verdict.Refused) verdict).problem();
  }

  private static AppCode read(String digits) {
    CodeReading reading = CustomerCodes.fromText(digits);
    assertThat(reading).isInstanceOf(CodeReading.Recognised.class);
    return (AppCode) ((CodeReading.Recognised) reading).code();
  }

  /** The code with one bit of its binary layout flipped, read back; bit counts from byteOffset. */
  private static AppCode withBitFlipped(AppCode code, int byteOffset, int bit) {
    byte[] layout = code.toBytes();
    layout[byteOffset + bit / 8] ^= (byte) (0x80 >>> (bit % 8));
    return read(AppCodeDigits.encode(layout));
  }
}
