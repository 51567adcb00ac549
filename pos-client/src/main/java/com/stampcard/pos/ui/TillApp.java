package com.stampcard.pos.ui;

import com.stampcard.pos.TillAssembly;
import com.stampcard.pos.TillEnrolmentException;
import com.stampcard.pos.config.TillConfig;
import com.stampcard.pos.readers.TillReaders;
import com.stampcard.pos.ui.i18n.Msg;
import com.stampcard.pos.ui.i18n.Problems;
import com.stampcard.pos.ui.i18n.Texts;
import com.stampcard.pos.ui.task.BackgroundTaskExecutor;
import com.stampcard.pos.ui.task.TaskExecutor;
import com.stampcard.store.seed.SeedFileException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX till: starts the toolkit while the store opens (they take about as long and run side
 * by side), then shows the login screen and starts the readers. Closing the window stops the
 * readers and closes the store.
 */
public final class TillApp {
  private static final System.Logger LOG = System.getLogger(TillApp.class.getName());

  private TillApp() {}

  /** Runs until the till window is closed. Returns the process exit code. */
  public static int run(TillConfig config, Clock clock) {
    return run(config, clock, false);
  }

  /**
   * @param exitWhenReady close again once the login screen is usable: checks an installation, and
   *     lets the start-up benchmark build a class-data archive
   */
  public static int run(TillConfig config, Clock clock, boolean exitWhenReady) {
    long t0 = System.nanoTime();
    CompletableFuture<TillAssembly> opening =
        CompletableFuture.supplyAsync(
            () -> {
              TillAssembly opened = TillAssembly.open(config, clock);
              LOG.log(System.Logger.Level.INFO, "Store open after {0} ms", millisSince(t0));
              return opened;
            },
            TillApp::opener);
    CountDownLatch closed = new CountDownLatch(1);
    Platform.startup(() -> {});
    LOG.log(System.Logger.Level.INFO, "JavaFX up after {0} ms", millisSince(t0));
    Platform.setImplicitExit(false);
    TillAssembly till;
    try {
      till = opening.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      LOG.log(System.Logger.Level.ERROR, "The till could not start", cause);
      Platform.runLater(() -> showProblem(config, cause, closed));
      await(closed);
      Platform.exit();
      return 1;
    }
    BackgroundTaskExecutor tasks = TaskExecutor.background(Platform::runLater);
    ReaderHub readers = new ReaderHub(TillReaders.of(config.readers(), clock), Platform::runLater);
    Platform.runLater(
        () -> {
          Stage stage = new Stage();
          TillWindow window = new TillWindow(till.services(), config.ui(), tasks, clock);
          window.manager().overdraftsFrom(till::overdraftIds);
          readers.connect(window);
          window.whenUsable(
              () -> {
                System.out.println(
                    "Stampcard till: login screen usable "
                        + ManagementFactory.getRuntimeMXBean().getUptime()
                        + " ms after the JVM started");
                if (exitWhenReady) {
                  Platform.runLater(stage::hide);
                }
              });
          stage.setOnHidden(
              e -> {
                readers.close();
                window.stop();
                closed.countDown();
              });
          window.show(stage);
        });
    await(closed);
    tasks.close();
    till.close();
    Platform.exit();
    return 0;
  }

  private static void showProblem(TillConfig config, Throwable cause, CountDownLatch closed) {
    Msg what =
        cause instanceof SeedFileException
            ? Msg.of("ui.startup.demo-data", config.demoData().map(Object::toString).orElse(""))
            : cause instanceof TillEnrolmentException
                ? Msg.of("ui.startup.enrolment")
                : Problems.of(cause);
    Stage stage = new Stage();
    Texts texts = new Texts(config.language());
    StartupProblemView view =
        new StartupProblemView(texts, what, String.valueOf(cause.getMessage()), stage::close);
    Scene scene = new Scene(view.node(), TillWindow.WIDTH, TillWindow.HEIGHT);
    TillWindow.style(scene);
    stage.setTitle("Stampcard");
    stage.setScene(scene);
    stage.setOnHidden(e -> closed.countDown());
    stage.show();
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static void opener(Runnable r) {
    Thread t = new Thread(r, "till-opening");
    t.setDaemon(true);
    t.start();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
