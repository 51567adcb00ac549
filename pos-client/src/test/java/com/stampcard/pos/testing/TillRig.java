package com.stampcard.pos.testing;

import com.stampcard.core.ledger.EventType;
import com.stampcard.core.till.MutableClock;
import com.stampcard.core.till.RedemptionAuthority;
import com.stampcard.pos.TillAssembly;
import com.stampcard.pos.config.TillConfig;
import com.stampcard.pos.readers.TillReaders;
import com.stampcard.pos.ui.ReaderHub;
import com.stampcard.pos.ui.TillStage;
import com.stampcard.pos.ui.TillWindow;
import com.stampcard.pos.ui.UiSettings;
import com.stampcard.pos.ui.task.BackgroundTaskExecutor;
import com.stampcard.pos.ui.task.TaskExecutor;
import com.stampcard.readers.camera.webcam.FileFedWebcamDriver;
import com.stampcard.readers.camera.webcam.WebcamCameras;
import com.stampcard.readers.nfc.SimulatedNfcTerminals;
import com.stampcard.sync.SyncAgent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The whole till for a UI test: the real configuration loading, an H2 file in a temporary folder
 * with the demo programs, staff and cards of {@code config/demo} (PINs hashed cheaply), the real
 * services, screens and readers (the keyboard wedge; an NFC reader on simulated PC/SC terminals
 * when a test sets {@code --readers.nfc=NAME}), and a scanner that types at scanner speed. The
 * clock is the test's, so a test can step past the repeat window.
 */
public final class TillRig implements AutoCloseable {
  /** A Tuesday, 12:00 in Stockholm: outside the demo coffee card's double-stamp morning. */
  public static final Instant NOON = Instant.parse("2026-11-24T11:00:00Z");

  public final MutableClock clock;
  public final TillConfig config;
  public final TillAssembly till;
  private final BackgroundTaskExecutor tasks = TaskExecutor.background(Platform::runLater);
  private UiSettings ui;
  public final SimulatedNfcTerminals nfc = new SimulatedNfcTerminals();

  /**
   * The camera a test shows pictures to ({@code --readers.camera=counter}): webcam-capture's own
   * pipeline over image files, 640×480 at 30 fps. webcam-capture's driver is one per JVM.
   */
  public static final FileFedWebcamDriver.Camera CAMERA =
      new FileFedWebcamDriver.Camera("Counter Cam", 640, 480, 30);

  private static final class Cameras {
    static final WebcamCameras FILE_FED = new WebcamCameras(new FileFedWebcamDriver(CAMERA));
  }

  private TillWindow window;
  private ReaderHub readers;
  private Scanner scanner;

  private TillRig(TillConfig config, MutableClock clock, TillAssembly till) {
    this.config = config;
    this.ui = config.ui();
    this.clock = clock;
    this.till = till;
  }

  /**
   * A till on a fresh database in {@code dir} wired as in production: with its embedded sync agent
   * when {@code settings} name a server ({@code --server.url=…}, {@code --enrol=CODE}). The agent
   * polls and backs off quickly, so a test sees the link change within a few seconds.
   */
  public static TillRig withSync(Path dir, MutableClock clock, String... settings) {
    SyncAgent.Options quick =
        new SyncAgent.Options(
            Duration.ofMillis(100),
            200,
            Duration.ofSeconds(5),
            Duration.ofSeconds(3),
            Duration.ofMillis(100),
            Duration.ofSeconds(1),
            Duration.ofSeconds(60));
    TillConfig config = load(dir, settings);
    return new TillRig(config, clock, TillAssembly.open(config, clock, quick, 1_000));
  }

  /**
   * A till on a fresh database in {@code dir}.
   *
   * @param settings extra settings as on the command line ({@code --login.maxFailures=3})
   */
  public static TillRig open(Path dir, RedemptionAuthority authority, String... settings) {
    TillConfig config = load(dir, settings);
    MutableClock clock = new MutableClock(NOON);
    return new TillRig(config, clock, TillAssembly.open(config, clock, authority, 1_000));
  }

  /**
   * A till on the database in {@code dir} as the app starts it ({@link TillAssembly#start}): its
   * store may still be opening when the test shows it, standalone.
   */
  public static TillRig starting(Path dir, String... settings) {
    TillConfig config = load(dir, settings);
    MutableClock clock = new MutableClock(NOON);
    return new TillRig(
        config, clock, TillAssembly.start(config, clock, SyncAgent.Options.defaults(), 1_000));
  }

  private static TillConfig load(Path dir, String... settings) {
    List<String> args = new ArrayList<>();
    Path folder = configFolder();
    args.add("--config=" + folder.resolve("till.yaml"));
    args.add("--database=" + dir.resolve("till"));
    args.add("--demoData=" + folder.resolve("demo").toAbsolutePath().normalize());
    args.add("--customerDisplay=OFF");
    args.addAll(List.of(settings));
    return TillConfig.load(args, Map.of("XDG_CONFIG_HOME", dir.toString()));
  }

  /** The repository's {@code config/}, from the module (tests) or the root (benchmarks). */
  public static Path configFolder() {
    Path here = Path.of("config");
    return java.nio.file.Files.isDirectory(here.resolve("demo")) ? here : Path.of("..", "config");
  }

  /** Shows the screens with another idle time (the configuration allows 10 s at least). */
  public TillRig idleLogout(Duration idle) {
    UiSettings u = ui;
    ui =
        new UiSettings(
            u.language(),
            u.currency(),
            u.shopName(),
            idle,
            u.customerDisplay(),
            u.loginMaxFailures(),
            u.loginLockout());
    return this;
  }

  /** Builds the screens and shows them in {@code stage}. UI thread. */
  public void show(Stage stage) {
    show(stage, UnaryOperator.identity());
  }

  /**
   * Builds the screens over the rig's worker as {@code around} wraps it (a benchmark times the work
   * that way) and shows them in {@code stage}. UI thread.
   */
  public void show(Stage stage, UnaryOperator<TaskExecutor> around) {
    readers =
        new ReaderHub(
            TillReaders.of(config.readers(), clock, nfc, Cameras.FILE_FED), Platform::runLater);
    window =
        TillStage.show(
            stage,
            till,
            till.staffOnFile().join(),
            config,
            ui,
            around.apply(tasks),
            readers,
            clock,
            failure -> {});
    scanner = new Scanner(window.scene(), 0);
  }

  public TillWindow window() {
    return window;
  }

  /** Scans {@code code} at scanner speed (2 ms a key, then Enter). */
  public void scan(String code) {
    scanner.scan(code);
  }

  /** Scans after stepping the clock past the repeat window, as the next customer would. */
  public void scanLater(String code) {
    clock.advance(Duration.ofMinutes(3));
    scan(code);
  }

  public Scanner scanner() {
    return scanner;
  }

  /** How many events of this type the till recorded. */
  public long count(EventType type) {
    return till.services()
        .store()
        .inTransaction(
            tx ->
                tx.countAtTill(
                    till.services().context().settings().till(),
                    type,
                    Instant.EPOCH,
                    Optional.empty()));
  }

  @Override
  public void close() {
    if (window != null) {
      Platform.runLater(
          () -> {
            readers.close();
            window.stop();
          });
    }
    tasks.close();
    till.close();
  }
}
