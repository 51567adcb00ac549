package com.stampcard.readers.wedge.fx;

import com.stampcard.core.code.CustomerCodes;
import com.stampcard.core.code.InputMethod;
import com.stampcard.readers.RawInput;
import com.stampcard.readers.Read;
import com.stampcard.readers.ReaderBase;
import com.stampcard.readers.wedge.BurstClassifier;
import com.stampcard.readers.wedge.WedgeConfig;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import javafx.animation.PauseTransition;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

/**
 * A keyboard-wedge scanner: a scanner that types. It listens to the till window's keystrokes (as
 * event filters on the {@link Scene}), tells scanner bursts from a person typing, and delivers each
 * scan on its own thread. What a person types is left alone; a scanner burst that landed in a text
 * field is taken back out of it. Enter and Tab are read on KEY_PRESSED, because some platforms
 * (GTK) send no KEY_TYPED for Enter.
 *
 * <p>Threads: {@link #attach}, {@link #detach} and the key handling run on the JavaFX thread; reads
 * are delivered on the reader's thread ({@code wedge-reader}); {@link #submitTyped} may be called
 * from any thread.
 */
public final class KeyboardWedgeReader extends ReaderBase {
  private final WedgeConfig config;
  private final BurstClassifier classifier;
  private final LongSupplier nanoClock;
  private final EventHandler<KeyEvent> typedFilter = this::onKeyTyped;
  private final EventHandler<KeyEvent> pressedFilter = this::onKeyPressed;
  private final Object lifecycle = new Object();
  private ExecutorService delivery;
  private volatile boolean running;
  private Scene scene;
  private PauseTransition idleTimer;
  private TextInputControl fieldAtBurstStart;
  private String textAtBurstStart;
  private int caretAtBurstStart;

  public KeyboardWedgeReader(WedgeConfig config, Clock clock) {
    this(config, clock, System::nanoTime);
  }

  /** With {@code nanoClock} as the key timer, for tests that replay recorded timings. */
  public KeyboardWedgeReader(WedgeConfig config, Clock clock, LongSupplier nanoClock) {
    super(config.readerId(), clock);
    this.config = Objects.requireNonNull(config, "config");
    this.classifier = new BurstClassifier(config);
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  @Override
  public void start() {
    synchronized (lifecycle) {
      if (running) {
        return;
      }
      delivery =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "wedge-reader " + id());
                t.setDaemon(true);
                return t;
              });
      running = true;
    }
    updateStatus();
  }

  @Override
  public void stop() {
    synchronized (lifecycle) {
      if (!running) {
        return;
      }
      running = false;
      delivery.shutdown();
      delivery = null;
    }
    disconnected("stopped");
  }

  /** Starts listening to {@code target}'s keystrokes. JavaFX thread. */
  public void attach(Scene target) {
    detach();
    scene = Objects.requireNonNull(target, "scene");
    scene.addEventFilter(KeyEvent.KEY_TYPED, typedFilter);
    scene.addEventFilter(KeyEvent.KEY_PRESSED, pressedFilter);
    idleTimer = new PauseTransition(Duration.millis(config.idleEnd().toMillis() + 10));
    idleTimer.setOnFinished(e -> handle(classifier.idle(nanoClock.getAsLong()), null));
    updateStatus();
  }

  /** Stops listening. JavaFX thread. */
  public void detach() {
    if (scene != null) {
      scene.removeEventFilter(KeyEvent.KEY_TYPED, typedFilter);
      scene.removeEventFilter(KeyEvent.KEY_PRESSED, pressedFilter);
      idleTimer.stop();
      scene = null;
    }
    updateStatus();
  }

  /**
   * A code the cashier typed on purpose (in the till's "enter code" field). It is decoded and
   * delivered like a scan, marked {@link InputMethod#TYPED}, which the redemption policy trusts
   * less.
   */
  public void submitTyped(String text) {
    deliver(text, InputMethod.TYPED);
  }

  private void updateStatus() {
    if (!running) {
      return;
    }
    if (scene == null) {
      disconnected("not listening to the till window");
    } else {
      connected("reads only while the till window has the keyboard focus");
    }
  }

  private void onKeyTyped(KeyEvent e) {
    String ch = e.getCharacter();
    if (ch.isEmpty() || KeyEvent.CHAR_UNDEFINED.equals(ch)) {
      return;
    }
    long now = nanoClock.getAsLong();
    for (int i = 0; i < ch.length(); i++) {
      char c = ch.charAt(i);
      if (Character.isISOControl(c)) {
        continue; // Enter and Tab are read on KEY_PRESSED; Monocle also types "\r"
      }
      Optional<BurstClassifier.Outcome> ended = classifier.character(c, now);
      handle(ended, null); // a suffix-less scan ended by this key's pause
      if (classifier.length() == 1) {
        rememberField(); // filters run before the field inserts the key: this is the text before
      }
    }
    idleTimer.playFromStart();
  }

  private void onKeyPressed(KeyEvent e) {
    if (e.getCode() != KeyCode.ENTER && e.getCode() != KeyCode.TAB) {
      return;
    }
    handle(classifier.endKey(e.getCode() == KeyCode.ENTER, nanoClock.getAsLong()), e);
  }

  /** Remembers the focused text field as the burst starts, to take a scan back out of it. */
  private void rememberField() {
    Node focused = scene == null ? null : scene.getFocusOwner();
    if (focused instanceof TextInputControl field) {
      fieldAtBurstStart = field;
      textAtBurstStart = field.getText();
      caretAtBurstStart = field.getCaretPosition();
    } else {
      fieldAtBurstStart = null;
    }
  }

  private void handle(Optional<BurstClassifier.Outcome> outcome, KeyEvent endKey) {
    if (outcome.isEmpty() || !(outcome.get() instanceof BurstClassifier.Scan scan)) {
      return;
    }
    if (endKey != null) {
      endKey.consume(); // the scanner's Enter must not also press the default button
    }
    TextInputControl field = fieldAtBurstStart;
    if (field != null && scene != null && scene.getFocusOwner() == field) {
      field.setText(textAtBurstStart);
      field.positionCaret(Math.min(caretAtBurstStart, textAtBurstStart.length()));
    }
    fieldAtBurstStart = null;
    deliver(scan.text(), InputMethod.SCANNER);
  }

  private void deliver(String text, InputMethod method) {
    ExecutorService executor;
    synchronized (lifecycle) {
      executor = delivery;
    }
    if (executor == null) {
      return; // stopped: a scan while stopped is dropped, as a switched-off scanner's would be
    }
    executor.execute(
        () ->
            publish(
                new Read(
                    id(),
                    method,
                    clock.instant(),
                    new RawInput.Text(text),
                    CustomerCodes.fromText(text))));
  }
}
