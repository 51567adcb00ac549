package com.stampcard.readers.camera;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.code.AppCodeDigits;
import com.stampcard.core.code.AppCodeMaker;
import com.stampcard.core.code.PrintedCard;
import com.stampcard.readers.camera.zxing.ZxingCodeFinder;
import com.stampcard.readers.testing.TestFrames;
import com.stampcard.readers.testing.TestFrames.Shot;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The decoding step alone: zxing on made-up 640×480 frames. */
class FrameDecoderTest {
  private static final String APP_CODE =
      AppCodeDigits.encode(AppCodeMaker.newPhone().steadyAt(Instant.now()));
  private static final String CARD = PrintedCard.fromSerial(123_456).number();

  private final FrameDecoder decoder =
      new FrameDecoder(new ZxingCodeFinder(false), new TargetSquare(0.6), true);

  private String decode(BufferedImage code, Shot shot) {
    return decoder.decode(GrayFrame.of(TestFrames.frame(640, 480, code, shot))).orElse(null);
  }

  @Test
  void appQrCodeInTheSquare() {
    assertThat(decode(TestFrames.qr(APP_CODE, 4), Shot.plain())).isEqualTo(APP_CODE);
  }

  @Test
  void printedCardAsEan13() {
    assertThat(decode(TestFrames.ean13(CARD, 3, 120), Shot.plain())).isEqualTo(CARD);
  }

  @Test
  void customerNumberAsCode128() {
    assertThat(decode(TestFrames.code128(CARD, 3, 100), Shot.plain())).isEqualTo(CARD);
  }

  @Test
  void blurredCodes() {
    assertThat(decode(TestFrames.qr(APP_CODE, 4), Shot.plain().blurred(3))).isEqualTo(APP_CODE);
    assertThat(decode(TestFrames.ean13(CARD, 4, 120), Shot.plain().blurred(3))).isEqualTo(CARD);
  }

  @Test
  void rotatedCodes() {
    assertThat(decode(TestFrames.qr(APP_CODE, 4), Shot.plain().rotated(30))).isEqualTo(APP_CODE);
    assertThat(decode(TestFrames.ean13(CARD, 3, 120), Shot.plain().rotated(10))).isEqualTo(CARD);
    assertThat(decode(TestFrames.code128(CARD, 3, 100), Shot.plain().rotated(180))).isEqualTo(CARD);
  }

  @Test
  void smallCodes() {
    assertThat(decode(TestFrames.qr(APP_CODE, 2), Shot.plain())).isEqualTo(APP_CODE);
    assertThat(decode(TestFrames.ean13(CARD, 2, 60), Shot.plain())).isEqualTo(CARD);
  }

  @Test
  void lowContrastCodes() {
    assertThat(decode(TestFrames.qr(APP_CODE, 4), Shot.plain().contrast(100, 160)))
        .isEqualTo(APP_CODE);
    assertThat(decode(TestFrames.ean13(CARD, 3, 120), Shot.plain().contrast(100, 160)))
        .isEqualTo(CARD);
  }

  @Test
  void codeOutsideTheSquareIsFoundInTheWholeFrame() {
    AtomicInteger searches = new AtomicInteger();
    ZxingCodeFinder zxing = new ZxingCodeFinder(false);
    FrameDecoder counting =
        new FrameDecoder(
            (f, a) -> {
              searches.incrementAndGet();
              return zxing.find(f, a);
            },
            new TargetSquare(0.6),
            true);
    BufferedImage corner =
        TestFrames.frame(640, 480, TestFrames.qr(CARD, 4), Shot.plain().at(0.13, 0.17));
    assertThat(counting.decode(GrayFrame.of(corner))).contains(CARD);
    assertThat(searches).hasValue(2);
    BufferedImage centre = TestFrames.frame(640, 480, TestFrames.qr(CARD, 4), Shot.plain());
    searches.set(0);
    assertThat(counting.decode(GrayFrame.of(centre))).contains(CARD);
    assertThat(searches).hasValue(1);
  }

  @Test
  void framesWithNoCodeGiveNothing() {
    for (long seed = 1; seed <= 20; seed++) {
      assertThat(decoder.decode(GrayFrame.of(TestFrames.empty(640, 480, seed)))).isEmpty();
    }
  }

  @Test
  void repeatFilterTakesAHeldCodeOnceAndAgainAfterItWasAway() {
    RepeatFilter f = new RepeatFilter(java.time.Duration.ofMillis(1500));
    long ms = 1_000_000;
    assertThat(f.isNew("A", 0)).isTrue();
    for (long t = 33; t < 3000; t += 33) {
      assertThat(f.isNew("A", t * ms)).isFalse();
    }
    assertThat(f.isNew("B", 3100 * ms)).isTrue();
    assertThat(f.isNew("A", 3200 * ms)).isTrue();
    assertThat(f.isNew("A", 4800 * ms)).isTrue();
  }
}
