package com.stampcard.pos.ui;

import com.stampcard.core.staff.StaffName;
import com.stampcard.pos.TillAssembly;
import com.stampcard.pos.config.TillConfig;
import com.stampcard.pos.readers.TillReaders;
import com.stampcard.pos.ui.task.BackgroundTaskExecutor;
import com.stampcard.pos.ui.task.TaskExecutor;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX till: starts opening the store (on a thread of its own) and the toolkit side by side,
 * shows the login screen with the staff names as the file has them while the store is still booting
 * (ADR 0312; logging in waits for it), and starts the readers. If the store can't open, the window
 * shows what to do instead. Closing the window stops the readers and closes the store.
 */
public final class TillApp {
  private static final System.Logger LOG = System.getLogger(TillApp.class.getName());

  /**
   * What the till prints when its login screen can be used; the start-up benchmark waits for it.
   */
  public static final String USABLE = "Stampcard till: login screen usable";

  /** What the till prints when its store has opened and a login goes straight through. */
  public static final String OPEN = "Stampcard till: store open";

  private TillApp() {}

  /** Runs until the till window is closed. Returns the process exit code. */
  public static int run(TillConfig config, Clock clock) {
    return run(config, clock, false);
  }

  /**
   * @param exitWhenReady close again once the login screen is usable and the store open: checks an
   *     installation, and lets the start-up benchmark build a class-data archive
   */
  public static int run(TillConfig config, Clock clock, boolean exitWhenReady) {
    long t0 = System.nanoTime();
    TillAssembly till = TillAssembly.start(config, clock);
    CountDownLatch closed = new CountDownLatch(1);
    AtomicBoolean failed = new AtomicBoolean();
    Platform.startup(() -> {});
    LOG.log(System.Logger.Level.INFO, "JavaFX up after {0} ms", millisSince(t0));
    Platform.setImplicitExit(false);
    List<StaffName> names;
    try {
      names = till.staffOnFile().join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      LOG.log(System.Logger.Level.ERROR, "The till could not start", cause);
      Platform.runLater(
          () -> {
            Stage stage = new Stage();
            stage.setOnHidden(hidden -> closed.countDown());
            TillStage.showProblem(stage, config, cause);
          });
      await(closed);
      Platform.exit();
      return 1;
    }
    BackgroundTaskExecutor tasks = TaskExecutor.background(Platform::runLater);
    ReaderHub readers = new ReaderHub(TillReaders.of(config.readers(), clock), Platform::runLater);
    Platform.runLater(
        () -> {
          Stage stage = new Stage();
          TillWindow window =
              TillStage.show(
                  stage,
                  till,
                  names,
                  config,
                  config.ui(),
                  tasks,
                  readers,
                  clock,
                  cause -> {
                    failed.set(true);
                    if (exitWhenReady) {
                      stage.hide();
                    }
                  });
          CompletableFuture<Void> usable = new CompletableFuture<>();
          window.whenUsable(
              () -> {
                System.out.println(USABLE + " " + uptime() + " ms after the JVM started");
                usable.complete(null);
              });
          till.opened()
              .thenRun(
                  () -> System.out.println(OPEN + " " + uptime() + " ms after the JVM started"));
          if (exitWhenReady) {
            usable.runAfterBoth(till.opened(), () -> Platform.runLater(stage::hide));
          }
          stage.setOnHidden(
              e -> {
                readers.close();
                window.stop();
                closed.countDown();
              });
        });
    await(closed);
    tasks.close();
    till.close();
    Platform.exit();
    return failed.get() ? 1 : 0;
  }

  private static long uptime() {
    return ManagementFactory.getRuntimeMXBean().getUptime();
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
