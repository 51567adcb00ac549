package com.stampcard.pos.bench;

import com.stampcard.core.till.RedemptionAuthority;
import com.stampcard.pos.testing.TillRig;
import com.stampcard.pos.ui.counter.CounterViewModel;
import com.stampcard.pos.ui.shell.TillSession.Screen;
import com.stampcard.pos.ui.task.TaskExecutor;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The whole till in this JVM for the scan benchmarks: headless JavaFX (Monocle, software
 * rendering), an H2 file with the demo data, the real screens and keyboard-wedge reader, a cashier
 * logged in at the coffee card.
 */
final class BenchTill implements AutoCloseable {
  final TillRig rig;
  private Scene scene;
  private CounterViewModel counter;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final TimedTasks timed = new TimedTasks();
  private final List<GarbageCollectorMXBean> collectors =
      ManagementFactory.getGarbageCollectorMXBeans();

  /**
   * Where one scan's time went, in nanoseconds: from the scanner's Enter until the worker took the
   * store work (the wedge and the UI thread handing it over), the store work (the stamp committed
   * in H2), from then until the UI thread took the outcome (the hop back), and from then until the
   * layout pulse of the frame that shows it; and the milliseconds the JVM's collectors reported for
   * collections during the scan. Then the CPU time the two threads on the path used: the worker's
   * for the store work, and the UI thread's from the Enter to that layout pulse (the wedge, the
   * hand-over, the view updates and the layout; rendering runs on a thread of its own). Wall time
   * beyond their sum is mostly waiting for a core on a shared machine.
   */
  record Timing(
      long total,
      long toWorker,
      long work,
      long hopBack,
      long toFrame,
      long gcMillis,
      long workCpu,
      long uiCpu) {
    long pathCpu() {
      return workCpu + uiCpu;
    }
  }

  BenchTill() throws Exception {
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    System.setProperty("java.awt.headless", "true");
    Path dir = Files.createTempDirectory("till-bench");
    rig = TillRig.open(dir, RedemptionAuthority.standaloneTill());
    CountDownLatch up = new CountDownLatch(1);
    Platform.startup(up::countDown);
    up.await();
    Platform.setImplicitExit(false);
    onFx(
        () -> {
          rig.show(new Stage(), timed::around);
          scene = rig.window().scene();
          counter = rig.window().shell().counter();
        });
    waitFor(() -> !rig.window().shell().login().staff().isEmpty());
    onFx(
        () -> {
          rig.window().shell().login().staffIdProperty().set("anna");
          rig.window().shell().login().pinProperty().set("1234");
          rig.window().shell().login().logIn();
        });
    waitFor(() -> rig.window().shell().session().screen() == Screen.PROGRAM_CHOICE);
    waitFor(() -> !rig.window().shell().programs().programs().isEmpty());
    onFx(() -> rig.window().shell().programs().chooseNumber(1));
    waitFor(() -> rig.window().shell().session().screen() == Screen.COUNTER);
  }

  /**
   * Scans {@code code} as a keyboard-wedge scanner types it, the next customer three minutes on.
   *
   * @return nanoseconds from the scanner's Enter to the layout pulse of the frame that shows the
   *     new card
   */
  Timing scan(String code) throws InterruptedException {
    rig.clock.advance(Duration.ofMinutes(3));
    timed.reset();
    long gcBefore = gcMillis();
    AtomicLong enter = new AtomicLong();
    AtomicLong shown = new AtomicLong();
    AtomicLong uiCpuAtEnter = new AtomicLong();
    AtomicLong uiCpuShown = new AtomicLong();
    CountDownLatch done = new CountDownLatch(1);
    Object[] before = new Object[1];
    Runnable[] listener = new Runnable[1];
    onFx(
        () -> {
          before[0] = counter.cardProperty().get();
          listener[0] =
              () -> {
                if (counter.cardProperty().get() != before[0]
                    && counter.phaseProperty().get() == CounterViewModel.Phase.GIVEN) {
                  shown.set(System.nanoTime());
                  uiCpuShown.set(THREADS.getCurrentThreadCpuTime());
                  scene.removePostLayoutPulseListener(listener[0]);
                  done.countDown();
                }
              };
          scene.addPostLayoutPulseListener(listener[0]);
        });
    // The whole burst in one go on the UI thread: a loaded machine can't stretch it into
    // something the wedge takes for a person typing.
    Platform.runLater(
        () -> {
          uiCpuAtEnter.set(THREADS.getCurrentThreadCpuTime());
          for (char c : code.toCharArray()) {
            key(c);
          }
          enter.set(System.nanoTime());
          press(KeyCode.ENTER);
        });
    if (!done.await(60, TimeUnit.SECONDS)) {
      String[] state = new String[1];
      onFx(
          () ->
              state[0] =
                  "screen "
                      + rig.window().shell().session().screen()
                      + ", phase "
                      + counter.phaseProperty().get()
                      + ", headline "
                      + counter.headlineProperty().get()
                      + ", banner "
                      + counter.bannerProperty().get()
                      + ", till clock "
                      + rig.clock.instant());
      throw new IllegalStateException(
          "no confirmation for " + code + " within 60 s; the till shows: " + state[0]);
    }
    long gc = gcMillis() - gcBefore;
    return new Timing(
        shown.get() - enter.get(),
        timed.workStart - enter.get(),
        timed.workNanos,
        timed.doneStart - timed.workEnd,
        shown.get() - timed.doneStart,
        gc,
        timed.workCpu,
        uiCpuShown.get() - uiCpuAtEnter.get());
  }

  private long gcMillis() {
    long sum = 0;
    for (GarbageCollectorMXBean c : collectors) {
      sum += Math.max(0, c.getCollectionTime());
    }
    return sum;
  }

  /**
   * The rig's worker, timed: when this scan's first store work started, how long all of it took,
   * when the last ended and when the UI thread took its outcome.
   */
  private static final class TimedTasks {
    volatile long workStart;
    volatile long workNanos;
    volatile long workEnd;
    volatile long doneStart;
    volatile long workCpu;

    void reset() {
      workCpu = 0;
      workStart = 0;
      workNanos = 0;
      workEnd = 0;
      doneStart = 0;
    }

    TaskExecutor around(TaskExecutor inner) {
      return new TaskExecutor() {
        @Override
        public <T> void run(Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
          inner.run(
              () -> {
                long start = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                if (workStart == 0) {
                  workStart = start;
                }
                try {
                  return work.get();
                } finally {
                  workEnd = System.nanoTime();
                  workNanos += workEnd - start;
                  workCpu += THREADS.getCurrentThreadCpuTime() - cpu;
                }
              },
              result -> {
                doneStart = System.nanoTime();
                done.accept(result);
              },
              failure -> {
                doneStart = System.nanoTime();
                failed.accept(failure);
              });
        }

        @Override
        public void onUiThread(Runnable action) {
          inner.onUiThread(action);
        }
      };
    }
  }

  private Node target() {
    return scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
  }

  private void key(char c) {
    String s = String.valueOf(c);
    KeyCode code = KeyCode.getKeyCode(s);
    Event.fireEvent(
        target(),
        new KeyEvent(
            KeyEvent.KEY_PRESSED,
            KeyEvent.CHAR_UNDEFINED,
            s,
            code == null ? KeyCode.UNDEFINED : code,
            false,
            false,
            false,
            false));
    Event.fireEvent(
        target(),
        new KeyEvent(KeyEvent.KEY_TYPED, s, "", KeyCode.UNDEFINED, false, false, false, false));
  }

  private void press(KeyCode code) {
    Event.fireEvent(
        target(),
        new KeyEvent(
            KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", code, false, false, false, false));
  }

  static void onFx(Runnable action) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    Platform.runLater(
        () -> {
          try {
            action.run();
          } finally {
            done.countDown();
          }
        });
    done.await();
  }

  static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until) {
      boolean[] ok = new boolean[1];
      onFx(() -> ok[0] = condition.getAsBoolean());
      if (ok[0]) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("the till did not get there within 30 s");
  }

  static long rssKb() throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }

  @Override
  public void close() {
    rig.close();
    Platform.exit();
  }
}
