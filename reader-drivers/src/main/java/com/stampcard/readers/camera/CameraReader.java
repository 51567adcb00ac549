package com.stampcard.readers.camera;

import com.stampcard.core.code.CustomerCodes;
import com.stampcard.core.code.InputMethod;
import com.stampcard.readers.RawInput;
import com.stampcard.readers.Read;
import com.stampcard.readers.ReaderBase;
import com.stampcard.readers.Subscription;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The till's camera as a code reader. Three threads, none of them the UI's:
 *
 * <ul>
 *   <li>{@code camera-grabber} takes frames from the camera as fast as it gives them and keeps the
 *       latest; it finds the camera, and finds it again after it was unplugged;
 *   <li>{@code camera-decoder} decodes the latest frame not yet decoded (frames that arrive while
 *       it is busy are skipped, so decoding never falls behind), looking inside the target square
 *       first, and delivers each code once however many frames it is in;
 *   <li>{@code camera-preview} hands the latest frame to preview listeners at a steady rate; the
 *       frame's pixel array is shared by all listeners, which must not change it.
 * </ul>
 */
public final class CameraReader extends ReaderBase {
  private static final System.Logger LOG = System.getLogger(CameraReader.class.getName());

  private final CameraReaderConfig config;
  private final Cameras cameras;
  private final Supplier<CodeFinder> finders;
  private final List<PreviewListener> previewListeners = new CopyOnWriteArrayList<>();
  private final Object frameLock = new Object();
  private final Object lifecycle = new Object();
  private Captured latest;
  private Captured undecoded;
  private volatile boolean running;
  private Thread grabber;
  private Thread decoder;
  private Thread preview;

  private record Captured(BufferedImage image, long nanos, Instant at) {}

  /**
   * @param finders makes the code finder for the decoding thread
   */
  public CameraReader(
      CameraReaderConfig config, Cameras cameras, Supplier<CodeFinder> finders, Clock clock) {
    super(
        "camera:" + (config.cameraName().isEmpty() ? "first camera" : config.cameraName()), clock);
    this.config = Objects.requireNonNull(config, "config");
    this.cameras = Objects.requireNonNull(cameras, "cameras");
    this.finders = Objects.requireNonNull(finders, "finders");
  }

  /** Delivers preview frames at the configured rate until cancelled. */
  public Subscription watchPreview(PreviewListener listener) {
    previewListeners.add(Objects.requireNonNull(listener, "listener"));
    return () -> previewListeners.remove(listener);
  }

  @Override
  public void start() {
    synchronized (lifecycle) {
      if (running) {
        return;
      }
      running = true;
      grabber = daemon(this::grabLoop, "camera-grabber " + id());
      decoder = daemon(this::decodeLoop, "camera-decoder " + id());
      preview = daemon(this::previewLoop, "camera-preview " + id());
      grabber.start();
      preview.start();
      decoder.start();
    }
  }

  @Override
  public void stop() {
    synchronized (lifecycle) {
      if (!running) {
        return;
      }
      running = false;
      for (Thread t : List.of(grabber, decoder, preview)) {
        t.interrupt();
      }
      for (Thread t : List.of(grabber, decoder, preview)) {
        join(t);
      }
    }
    disconnected("stopped");
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static void join(Thread t) {
    try {
      t.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void grabLoop() {
    while (running) {
      Optional<Cameras.Device> device = open();
      if (device.isEmpty()) {
        pause(config.retryInterval());
        continue;
      }
      try (Cameras.Device camera = device.get()) {
        connected("");
        grabUntilGone(camera);
      } catch (CameraException e) {
        if (running) {
          disconnected(e.getMessage());
          pause(config.retryInterval());
        }
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, id() + " failed", e);
        error("camera failed: " + e + "; retrying");
        pause(config.retryInterval());
      }
    }
  }

  private Optional<Cameras.Device> open() {
    try {
      String wanted = config.cameraName().toLowerCase(Locale.ROOT);
      Optional<String> name =
          cameras.names().stream()
              .filter(n -> n.toLowerCase(Locale.ROOT).contains(wanted))
              .findFirst();
      if (name.isEmpty()) {
        disconnected(
            config.cameraName().isEmpty()
                ? "no camera found: plug one in"
                : "camera \"" + config.cameraName() + "\" not found: plug it in");
        return Optional.empty();
      }
      return Optional.of(cameras.open(name.get(), config.width(), config.height()));
    } catch (CameraException e) {
      error(e.getMessage());
      return Optional.empty();
    }
  }

  private void grabUntilGone(Cameras.Device camera) throws CameraException {
    long lastFrame = System.nanoTime();
    while (running) {
      BufferedImage image = camera.grab();
      long now = System.nanoTime();
      if (image == null) {
        if (now - lastFrame > config.lostAfter().toNanos()) {
          throw new CameraException(
              "the camera stopped sending pictures: check its cable; waiting for it", null);
        }
        pause(Duration.ofMillis(10));
        continue;
      }
      lastFrame = now;
      Captured c = new Captured(image, now, clock.instant());
      synchronized (frameLock) {
        latest = c;
        undecoded = c;
        frameLock.notifyAll();
      }
    }
  }

  private void decodeLoop() {
    FrameDecoder frameDecoder = new FrameDecoder(finders.get(), config.square(), true);
    RepeatFilter repeats = new RepeatFilter(config.forgetAfter());
    while (running) {
      Captured c;
      synchronized (frameLock) {
        while (undecoded == null && running) {
          try {
            frameLock.wait(100);
          } catch (InterruptedException e) {
            return;
          }
        }
        c = undecoded;
        undecoded = null;
      }
      if (c == null) {
        continue;
      }
      try {
        Optional<String> text = frameDecoder.decode(GrayFrame.of(c.image()));
        if (text.isPresent() && repeats.isNew(text.get(), c.nanos())) {
          publish(
              new Read(
                  id(),
                  InputMethod.CAMERA,
                  clock.instant(),
                  new RawInput.Text(text.get()),
                  CustomerCodes.fromText(text.get())));
        }
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, id() + ": a frame could not be decoded", e);
      }
    }
  }

  /**
   * Paces the preview: one frame every period, on a fixed grid; a slot missed (a slow listener, a
   * pause) is skipped rather than made up with a burst, so the UI sees a steady rate.
   */
  private void previewLoop() {
    long period = 1_000_000_000L / config.previewFps();
    long next = System.nanoTime() + period;
    while (running) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
          return;
        }
      }
      showPreview();
      next += period;
      long now = System.nanoTime();
      if (next - now < period / 2) {
        next = now + period / 2; // late: no burst to catch up
      }
    }
  }

  private void showPreview() {
    if (previewListeners.isEmpty()) {
      return;
    }
    Captured c;
    synchronized (frameLock) {
      c = latest;
    }
    if (c == null) {
      return;
    }
    BufferedImage img = c.image();
    int w = img.getWidth();
    int h = img.getHeight();
    int[] argb = PreviewFrame.argbOf(img);
    PreviewFrame frame = new PreviewFrame(w, h, argb, config.square().in(w, h), c.at());
    for (PreviewListener l : previewListeners) {
      try {
        l.onPreview(frame);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "A preview listener of " + id() + " failed", e);
      }
    }
  }

  private void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      // stop() interrupts; the loop condition ends the thread
    }
  }
}
