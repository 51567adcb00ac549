package com.stampcard.pos.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * A keyboard-wedge scanner on a real JavaFX scene: it types a code as key events a few milliseconds
 * apart and ends with Enter (KEY_PRESSED only, as GTK sends it), fired at whatever has the focus so
 * they pass the scene's filters, where the till's wedge reader listens. Never TestFX's {@code
 * write()}: at 80 ms a key it types like a person, and the till must not take a person's typing for
 * a scan.
 */
public final class Scanner {
  private final Scene scene;
  private final long gapMillis;

  public Scanner(Scene scene, long gapMillis) {
    this.scene = scene;
    this.gapMillis = gapMillis;
  }

  /**
   * Scans {@code code}; returns when the last key event has been handled. With a gap of 0 the whole
   * burst is fired in one go on the JavaFX thread, so a busy machine can't stretch it into
   * something that looks like a person typing (the wedge's timing rules have their own tests in
   * reader-drivers).
   */
  public void scan(String code) {
    try {
      if (gapMillis == 0) {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(
            () -> {
              for (char c : code.toCharArray()) {
                key(c);
              }
              press(KeyCode.ENTER);
              done.countDown();
            });
        if (!done.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the JavaFX thread did not take the scan");
        }
        return;
      }
      for (char c : code.toCharArray()) {
        Platform.runLater(() -> key(c));
        if (gapMillis > 0) {
          Thread.sleep(gapMillis);
        }
      }
      CountDownLatch done = new CountDownLatch(1);
      Platform.runLater(
          () -> {
            press(KeyCode.ENTER);
            done.countDown();
          });
      if (!done.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the JavaFX thread did not take the scan");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Node target() {
    Node focused = scene.getFocusOwner();
    return focused != null ? focused : scene.getRoot();
  }

  private void key(char c) {
    String s = String.valueOf(c);
    KeyCode code = Character.isDigit(c) ? KeyCode.getKeyCode(s) : KeyCode.UNDEFINED;
    if (code == null) {
      code = KeyCode.UNDEFINED;
    }
    Node target = target();
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

  /** A key press a person makes (F2, Escape, ...), as KEY_PRESSED and KEY_RELEASED. */
  public void press(KeyCode code) {
    Node target = target();
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
