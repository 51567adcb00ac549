package com.stampcard.pos.bench;

import com.stampcard.core.till.RedemptionAuthority;
import com.stampcard.pos.testing.TillRig;
import com.stampcard.pos.ui.counter.CounterViewModel;
import com.stampcard.pos.ui.shell.TillSession.Screen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
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
          rig.show(new Stage());
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
  long scan(String code) throws InterruptedException {
    rig.clock.advance(Duration.ofMinutes(3));
    AtomicLong enter = new AtomicLong();
    AtomicLong shown = new AtomicLong();
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
          for (char c : code.toCharArray()) {
            key(c);
          }
          enter.set(System.nanoTime());
          press(KeyCode.ENTER);
        });
    if (!done.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no confirmation for " + code + " within 10 s");
    }
    return shown.get() - enter.get();
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
