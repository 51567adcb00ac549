package com.stampcard.readers.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Types on a real JavaFX scene from a test thread, the way a keyboard or a keyboard-wedge scanner
 * does: KEY_PRESSED, KEY_TYPED and KEY_RELEASED per character, fired at the focused node so that
 * they pass the scene's filters, with a chosen pause between characters.
 */
public final class FxKeyboard {
  private FxKeyboard() {}

  /** Starts the JavaFX toolkit once for the JVM (headless Monocle under Maven). */
  public static void startFx() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    try {
      Platform.startup(started::countDown);
    } catch (IllegalStateException alreadyRunning) {
      started.countDown();
    }
    Platform.setImplicitExit(false);
    if (!started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("JavaFX did not start");
    }
  }

  /** Runs {@code action} on the JavaFX thread and waits for it. */
  public static void onFx(Runnable action) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    Platform.runLater(
        () -> {
          try {
            action.run();
          } finally {
            done.countDown();
          }
        });
    if (!done.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("JavaFX thread did not run the action");
    }
  }

  /**
   * Types {@code text} at {@code target}, {@code gapMillis} apart, then the end key (Enter or Tab,
   * or none when null) as KEY_PRESSED only, as GTK does for Enter.
   */
  public static void type(Node target, String text, long gapMillis, KeyCode end)
      throws InterruptedException {
    for (char c : text.toCharArray()) {
      Platform.runLater(() -> key(target, c));
      Thread.sleep(gapMillis);
    }
    if (end != null) {
      onFx(() -> press(target, end));
    } else {
      onFx(() -> {});
    }
  }

  /** Enter as Monocle sends it: KEY_PRESSED, then a KEY_TYPED carrying "\r". */
  public static void enterWithTypedCarriageReturn(Node target) throws InterruptedException {
    onFx(
        () -> {
          press(target, KeyCode.ENTER);
          Event.fireEvent(
              target,
              new KeyEvent(
                  KeyEvent.KEY_TYPED, "\r", "", KeyCode.UNDEFINED, false, false, false, false));
        });
  }

  private static void key(Node target, char c) {
    String s = String.valueOf(c);
    KeyCode code = Character.isDigit(c) ? KeyCode.getKeyCode(s) : KeyCode.UNDEFINED;
    if (code == null) {
      code = KeyCode.UNDEFINED;
    }
    Event.fireEvent(
        target,
        new KeyEvent(
            KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, s, code, false, false, false, false));
    Event.fireEvent(
        target,
        new KeyEvent(KeyEvent.KEY_TYPED, s, "", KeyCode.UNDEFINED, false, false, false, false));
    Event.fireEvent(
        target,
        new KeyEvent(
            KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, s, code, false, false, false, false));
  }

  private static void press(Node target, KeyCode code) {
    Event.fireEvent(
        target,
        new KeyEvent(
            KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", code, false, false, false, false));
    Event.fireEvent(
        target,
        new KeyEvent(
            KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, "", code, false, false, false, false));
  }
}
