package com.stampcard.readers.camera;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.code.AppCode;
import com.stampcard.core.code.AppCodeDigits;
import com.stampcard.core.code.AppCodeMaker;
import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.code.PrintedCard;
import com.stampcard.readers.RawInput;
import com.stampcard.readers.Read;
import com.stampcard.readers.ReaderStatus;
import com.stampcard.readers.camera.webcam.FileFedWebcamDriver;
import com.stampcard.readers.camera.webcam.WebcamCameras;
import com.stampcard.readers.camera.zxing.ZxingCodeFinder;
import com.stampcard.readers.testing.Recorder;
import com.stampcard.readers.testing.TestFrames;
import com.stampcard.readers.testing.TestFrames.Shot;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The camera reader through webcam-capture's own pipeline ({@code Webcam.getWebcams}, {@code open},
 * {@code getImage}), with a driver whose camera shows image files at 30 frames a second.
 */
class CameraReaderTest {
  /** How long to wait for what must come: a bound for a loaded machine, not a timing target. */
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static final FileFedWebcamDriver.Camera CAMERA =
      new FileFedWebcamDriver.Camera("Counter Cam", 640, 480, 30);
  private static WebcamCameras cameras;

  @TempDir static Path dir;
  private final Recorder recorder = new Recorder();
  private CameraReader reader;

  @BeforeAll
  static void useFileFedDriver() {
    cameras = new WebcamCameras(new FileFedWebcamDriver(CAMERA));
  }

  @BeforeEach
  void startReader() throws Exception {
    CAMERA.plug();
    CAMERA.show(file("empty", TestFrames.empty(640, 480, 7)));
    reader =
        new CameraReader(
            CameraReaderConfig.defaults("counter")
                .withTimings(Duration.ofMillis(500), Duration.ofMillis(200)),
            cameras,
            () -> new ZxingCodeFinder(false),
            Clock.systemUTC());
    reader.subscribe(recorder);
    reader.watchStatus(recorder);
    reader.start();
    recorder.awaitLatest(ReaderStatus.State.CONNECTED, WAIT);
  }

  @AfterEach
  void stopReader() {
    reader.stop();
  }

  private static Path file(String name, BufferedImage image) throws Exception {
    Path p = dir.resolve(name + ".png");
    ImageIO.write(image, "png", p.toFile());
    return p;
  }

  @Test
  void appCodeHeldInFrontOfTheCameraIsReadOnceOnTheDecoderThread() throws Exception {
    String digits = AppCodeDigits.encode(AppCodeMaker.newPhone().firstUseAt(Instant.now()));
    CAMERA.show(file("app", TestFrames.frame(640, 480, TestFrames.qr(digits, 3), Shot.plain())));
    Read read = recorder.nextRead(WAIT);
    assertThat(read.raw()).isEqualTo(new RawInput.Text(digits));
    assertThat(read.inputMethod()).isEqualTo(InputMethod.CAMERA);
    assertThat(read.reading())
        .isInstanceOfSatisfying(
            CodeReading.Recognised.class, r -> assertThat(r.code()).isInstanceOf(AppCode.class));
    assertThat(recorder.readsWithin(Duration.ofSeconds(2))).isEmpty(); // about 60 more frames
    assertThat(recorder.readThreads()).allMatch(n -> n.startsWith("camera-decoder"));
  }

  @Test
  void codeTakenAwayAndShownAgainIsReadAgain() throws Exception {
    String card = PrintedCard.fromSerial(77).number();
    Path code =
        file("ean", TestFrames.frame(640, 480, TestFrames.ean13(card, 3, 120), Shot.plain()));
    Path empty = file("nothing", TestFrames.empty(640, 480, 3));
    CAMERA.show(code);
    assertThat(recorder.nextRead(WAIT).reading())
        .isEqualTo(new CodeReading.Recognised(PrintedCard.fromSerial(77)));
    CAMERA.show(empty);
    Thread.sleep(1800); // longer than forgetAfter
    CAMERA.show(code);
    assertThat(recorder.nextRead(WAIT).raw()).isEqualTo(new RawInput.Text(card));
  }

  @Test
  void twoDifferentCodesInTurnAreTwoReads() throws Exception {
    String a = PrintedCard.fromSerial(1).number();
    String b = PrintedCard.fromSerial(2).number();
    CAMERA.show(file("a", TestFrames.frame(640, 480, TestFrames.code128(a, 3, 100), Shot.plain())));
    assertThat(recorder.nextRead(WAIT).raw()).isEqualTo(new RawInput.Text(a));
    CAMERA.show(file("b", TestFrames.frame(640, 480, TestFrames.code128(b, 3, 100), Shot.plain())));
    assertThat(recorder.nextRead(WAIT).raw()).isEqualTo(new RawInput.Text(b));
  }

  static Stream<Arguments> hardFrames() {
    String app = AppCodeDigits.encode(AppCodeMaker.newPhone().steadyAt(Instant.now()));
    String card = PrintedCard.fromSerial(314).number();
    return Stream.of(
        Arguments.of("app QR, blurred", TestFrames.qr(app, 4), Shot.plain().blurred(3), app),
        Arguments.of("app QR, rotated 30°", TestFrames.qr(app, 4), Shot.plain().rotated(30), app),
        Arguments.of("app QR, small", TestFrames.qr(app, 2), Shot.plain(), app),
        Arguments.of(
            "app QR, low contrast", TestFrames.qr(app, 4), Shot.plain().contrast(100, 160), app),
        Arguments.of(
            "EAN-13, blurred", TestFrames.ean13(card, 4, 120), Shot.plain().blurred(3), card),
        Arguments.of(
            "EAN-13, rotated 10°", TestFrames.ean13(card, 3, 120), Shot.plain().rotated(10), card),
        Arguments.of("EAN-13, small", TestFrames.ean13(card, 2, 60), Shot.plain(), card),
        Arguments.of(
            "Code128, low contrast",
            TestFrames.code128(card, 3, 100),
            Shot.plain().contrast(100, 160),
            card),
        Arguments.of(
            "Code128, upside down",
            TestFrames.code128(card, 3, 100),
            Shot.plain().rotated(180),
            card),
        Arguments.of(
            "QR outside the square", TestFrames.qr(card, 4), Shot.plain().at(0.15, 0.2), card));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hardFrames")
  void hardFramesFromFilesAreReadThroughTheWebcamPipeline(
      String name, BufferedImage code, Shot shot, String expected) throws Exception {
    CAMERA.show(file(name.replaceAll("[^A-Za-z0-9]", "_"), TestFrames.frame(640, 480, code, shot)));
    assertThat(recorder.nextRead(WAIT).raw()).isEqualTo(new RawInput.Text(expected));
  }

  @Test
  void framesWithNoCodeGiveNoRead() throws Exception {
    for (long seed = 11; seed < 16; seed++) {
      CAMERA.show(file("desk" + seed, TestFrames.empty(640, 480, seed)));
      assertThat(recorder.readsWithin(Duration.ofMillis(300))).isEmpty();
    }
  }

  @Test
  void previewFramesArriveAtASteadyRateWithTheSquare() throws Exception {
    List<Long> arrivals = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    List<PreviewFrame> frames = new CopyOnWriteArrayList<>();
    reader.watchPreview(
        f -> {
          arrivals.add(System.nanoTime());
          threads.add(Thread.currentThread().getName());
          frames.add(f);
        });
    Thread.sleep(300); // past the first frames' warm-up
    arrivals.clear();
    Thread.sleep(2000);
    // 15 a second for 2 s
    assertThat(arrivals.size()).isBetween(26, 32);
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < arrivals.size(); i++) {
      gaps.add((arrivals.get(i) - arrivals.get(i - 1)) / 1_000_000);
    }
    Collections.sort(gaps);
    // 66.7 ms apart: typically on the beat, never a burst to catch up after a late frame
    assertThat(gaps.get(gaps.size() / 2)).isBetween(60L, 74L);
    assertThat(gaps.get(0)).isGreaterThanOrEqualTo(25);
    assertThat(threads).allMatch(n -> n.startsWith("camera-preview"));
    PreviewFrame f = frames.get(0);
    assertThat(f.argb()).hasSize(640 * 480);
    assertThat(f.square()).isEqualTo(new TargetSquare.Area(176, 96, 288, 288));
  }

  @Test
  void cameraUnpluggedAndPluggedBackResumes() throws Exception {
    CAMERA.unplug();
    ReaderStatus gone = recorder.awaitLatest(ReaderStatus.State.DISCONNECTED, WAIT);
    assertThat(gone.detail()).isNotEmpty();
    CAMERA.plug();
    recorder.awaitLatest(ReaderStatus.State.CONNECTED, WAIT);
    String card = PrintedCard.fromSerial(5).number();
    CAMERA.show(
        file("back", TestFrames.frame(640, 480, TestFrames.ean13(card, 3, 120), Shot.plain())));
    assertThat(recorder.nextRead(WAIT).raw()).isEqualTo(new RawInput.Text(card));
  }

  @Test
  void discoveryListsTheCamera() throws Exception {
    assertThat(cameras.names()).containsExactly("Counter Cam");
  }
}
