package com.stampcard.readers.bench;

import com.stampcard.core.code.AppCodeDigits;
import com.stampcard.core.code.AppCodeMaker;
import com.stampcard.core.code.PrintedCard;
import com.stampcard.readers.camera.CameraReader;
import com.stampcard.readers.camera.CameraReaderConfig;
import com.stampcard.readers.camera.FrameDecoder;
import com.stampcard.readers.camera.GrayFrame;
import com.stampcard.readers.camera.TargetSquare;
import com.stampcard.readers.camera.webcam.FileFedWebcamDriver;
import com.stampcard.readers.camera.webcam.WebcamCameras;
import com.stampcard.readers.camera.zxing.ZxingCodeFinder;
import com.stampcard.readers.testing.TestFrames;
import com.stampcard.readers.testing.TestFrames.Shot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Camera figures for the README.
 *
 * <ol>
 *   <li>Frames decoded a second by one decoding thread (luminance conversion included) at 640×480
 *       and 1280×720, square first (the reader's way) and whole frame only, for frames with a code
 *       in the square, frames with no code, and codes held off-centre.
 *   <li>Time from a code entering the frame to the read, through webcam-capture's pipeline with a
 *       file-fed camera at 30 fps: from the first frame holding the code being handed out to the
 *       read reaching the listener.
 * </ol>
 *
 * <p>{@code ./build/bench reader-drivers com.stampcard.readers.bench.CameraBenchmark}
 */
public final class CameraBenchmark {
  private static final long MEASURE_MS = 3_000;

  private CameraBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores, %s %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
    throughput(640, 480, 3, 2);
    throughput(1280, 720, 5, 3);
    latency(60);
    System.exit(0);
  }

  /**
   * @param module pixels a QR module
   * @param bar pixels a 1D bar module, so that the code fits in the square as the cashier holds it
   */
  private static void throughput(int w, int h, int module, int bar) {
    String app = AppCodeDigits.encode(AppCodeMaker.newPhone().steadyAt(Instant.now()));
    String card = PrintedCard.fromSerial(4711).number();
    List<BufferedImage> inSquare =
        List.of(
            TestFrames.frame(w, h, TestFrames.qr(app, module), Shot.plain()),
            TestFrames.frame(w, h, TestFrames.ean13(card, bar, h / 4), Shot.plain()),
            TestFrames.frame(w, h, TestFrames.code128(card, bar, h / 5), Shot.plain()));
    List<BufferedImage> none = new ArrayList<>();
    for (long s = 1; s <= 3; s++) {
      none.add(TestFrames.empty(w, h, s));
    }
    List<BufferedImage> offCentre =
        List.of(TestFrames.frame(w, h, TestFrames.qr(card, module), Shot.plain().at(0.14, 0.2)));
    System.out.printf(Locale.ROOT, "%dx%d, one decoding thread, frames a second:%n", w, h);
    System.out.printf(Locale.ROOT, "  %-28s %14s %14s%n", "frames", "square first", "whole frame");
    row("code in the square", inSquare);
    row("no code", none);
    row("code outside the square", offCentre);
  }

  private static void row(String label, List<BufferedImage> frames) {
    double square =
        fps(new FrameDecoder(new ZxingCodeFinder(false), new TargetSquare(0.6), true), frames);
    double whole =
        fps(new FrameDecoder(new ZxingCodeFinder(false), new TargetSquare(0.6), false), frames);
    System.out.printf(Locale.ROOT, "  %-28s %14.1f %14.1f%n", label, square, whole);
  }

  private static double fps(FrameDecoder decoder, List<BufferedImage> frames) {
    long warm = System.nanoTime() + 1_000_000_000L;
    int i = 0;
    while (System.nanoTime() < warm) {
      decoder.decode(GrayFrame.of(frames.get(i++ % frames.size())));
    }
    long start = System.nanoTime();
    long end = start + MEASURE_MS * 1_000_000L;
    int n = 0;
    while (System.nanoTime() < end) {
      decoder.decode(GrayFrame.of(frames.get(n++ % frames.size())));
    }
    return n / ((System.nanoTime() - start) / 1e9);
  }

  private static void latency(int trials) throws Exception {
    Path dir = Files.createTempDirectory("camera-bench");
    FileFedWebcamDriver.Camera camera = new FileFedWebcamDriver.Camera("Bench Cam", 640, 480, 30);
    WebcamCameras cameras = new WebcamCameras(new FileFedWebcamDriver(camera));
    List<Path> codes = new ArrayList<>();
    List<Path> empties = new ArrayList<>();
    for (int i = 0; i < trials; i++) {
      String card = PrintedCard.fromSerial(10_000 + i).number();
      BufferedImage code =
          switch (i % 3) {
            case 0 ->
                TestFrames.qr(
                    AppCodeDigits.encode(AppCodeMaker.newPhone().steadyAt(Instant.now())), 3);
            case 1 -> TestFrames.ean13(card, 3, 120);
            default -> TestFrames.code128(card, 3, 100);
          };
      codes.add(
          write(dir, "code" + i, TestFrames.frame(640, 480, code, Shot.plain().rotated(i % 7))));
      empties.add(write(dir, "empty" + i, TestFrames.empty(640, 480, i)));
    }
    BlockingQueue<Long> reads = new LinkedBlockingQueue<>();
    CameraReader reader =
        new CameraReader(
            CameraReaderConfig.defaults("bench"),
            cameras,
            () -> new ZxingCodeFinder(false),
            Clock.systemUTC());
    reader.subscribe(r -> reads.add(System.nanoTime()));
    camera.show(empties.get(0));
    reader.start();
    Thread.sleep(1500);
    List<Double> ms = new ArrayList<>();
    List<Double> fromShown = new ArrayList<>();
    int missed = 0;
    for (int i = 0; i < trials; i++) {
      camera.show(empties.get(i));
      Thread.sleep(300);
      reads.clear();
      camera.show(codes.get(i));
      Long at = reads.poll(3, TimeUnit.SECONDS);
      if (at == null) {
        missed++;
        continue;
      }
      ms.add((at - camera.firstServedAt()) / 1e6);
      fromShown.add((at - camera.shownAt()) / 1e6);
    }
    reader.stop();
    System.out.printf(
        Locale.ROOT,
        "code entering the frame to read, 640x480 at 30 fps, %d codes (QR, EAN-13, Code128),"
            + " missed %d:%n",
        trials,
        missed);
    report("from the first frame holding the code", ms);
    report("from the code being put before the camera", fromShown);
  }

  private static void report(String what, List<Double> values) {
    Collections.sort(values);
    System.out.printf(
        Locale.ROOT,
        "  %-44s median %5.1f ms, p95 %5.1f ms, max %5.1f ms%n",
        what,
        values.get(values.size() / 2),
        values.get((int) Math.ceil(values.size() * 0.95) - 1),
        values.get(values.size() - 1));
  }

  private static Path write(Path dir, String name, BufferedImage image) throws Exception {
    Path p = dir.resolve(name + ".png");
    ImageIO.write(image, "png", p.toFile());
    return p;
  }
}
