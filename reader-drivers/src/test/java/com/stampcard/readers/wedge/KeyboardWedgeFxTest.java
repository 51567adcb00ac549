package com.stampcard.readers.wedge;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.code.PrintedCard;
import com.stampcard.readers.RawInput;
import com.stampcard.readers.Read;
import com.stampcard.readers.ReaderStatus;
import com.stampcard.readers.testing.FxKeyboard;
import com.stampcard.readers.testing.Recorder;
import com.stampcard.readers.wedge.fx.KeyboardWedgeReader;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The keyboard-wedge reader on a real JavaFX stage (headless Monocle), fed with synthesized key
 * events at scanner speed (4 ms apart) and at a person's speed (120 ms apart).
 */
class KeyboardWedgeFxTest {
  /** How long to wait for what must come: a bound for a loaded machine, not a timing target. */
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static final String CARD = PrintedCard.fromSerial(42).number();
  private static final long SCANNER_MS = 4;
  private static final long PERSON_MS = 120;

  private final Recorder recorder = new Recorder();
  private final AtomicBoolean defaultButtonFired = new AtomicBoolean();
  private KeyboardWedgeReader reader;
  private Stage stage;
  private TextField field;
  private Button button;

  @BeforeAll
  static void startFx() throws Exception {
    FxKeyboard.startFx();
  }

  @BeforeEach
  void showTill() throws Exception {
    reader = new KeyboardWedgeReader(WedgeConfig.defaults(), Clock.systemUTC());
    reader.subscribe(recorder);
    reader.watchStatus(recorder);
    reader.start();
    FxKeyboard.onFx(
        () -> {
          field = new TextField();
          button = new Button("Stamp");
          button.setDefaultButton(true);
          button.setOnAction(e -> defaultButtonFired.set(true));
          stage = new Stage();
          stage.setScene(new Scene(new VBox(button, field), 300, 200));
          stage.show();
          reader.attach(stage.getScene());
          button.requestFocus();
        });
  }

  @AfterEach
  void closeTill() throws Exception {
    FxKeyboard.onFx(
        () -> {
          reader.detach();
          stage.close();
        });
    reader.stop();
  }

  @Test
  void scannerBurstIsReadOnTheReadersThreadAndItsEnterPressesNothing() throws Exception {
    assertThat(reader.status().state()).isEqualTo(ReaderStatus.State.CONNECTED);
    FxKeyboard.type(button, CARD, SCANNER_MS, KeyCode.ENTER);
    Read read = recorder.nextRead(WAIT);
    assertThat(read.raw()).isEqualTo(new RawInput.Text(CARD));
    assertThat(read.inputMethod()).isEqualTo(InputMethod.SCANNER);
    assertThat(read.reading()).isEqualTo(new CodeReading.Recognised(PrintedCard.fromSerial(42)));
    assertThat(recorder.readThreads()).allMatch(n -> n.startsWith("wedge-reader"));
    assertThat(defaultButtonFired).isFalse();
  }

  @Test
  void personTypingTheSameDigitsIsNotAScan() throws Exception {
    FxKeyboard.type(button, CARD, PERSON_MS, KeyCode.ENTER);
    assertThat(recorder.readsWithin(Duration.ofMillis(500))).isEmpty();
    assertThat(defaultButtonFired).isTrue();
  }

  @Test
  void whatAPersonTypesIntoATextFieldStaysThereAndIsNeverAScan() throws Exception {
    FxKeyboard.onFx(() -> field.requestFocus());
    FxKeyboard.type(field, CARD, PERSON_MS, KeyCode.ENTER);
    assertThat(recorder.readsWithin(Duration.ofMillis(500))).isEmpty();
    AtomicReference<String> text = new AtomicReference<>();
    FxKeyboard.onFx(() -> text.set(field.getText()));
    assertThat(text.get()).isEqualTo(CARD);
  }

  @Test
  void scannerBurstIntoATextFieldIsReadAndTakenBackOutOfTheField() throws Exception {
    FxKeyboard.onFx(
        () -> {
          field.setText("note: ");
          field.requestFocus();
          field.end();
        });
    FxKeyboard.type(field, CARD, SCANNER_MS, KeyCode.ENTER);
    assertThat(recorder.nextRead(WAIT).raw()).isEqualTo(new RawInput.Text(CARD));
    AtomicReference<String> text = new AtomicReference<>();
    FxKeyboard.onFx(() -> text.set(field.getText()));
    assertThat(text.get()).isEqualTo("note: ");
  }

  @Test
  void enterThatAlsoComesAsATypedCarriageReturnGivesOneRead() throws Exception {
    FxKeyboard.type(button, CARD, SCANNER_MS, null);
    FxKeyboard.enterWithTypedCarriageReturn(button);
    assertThat(recorder.nextRead(WAIT).raw()).isEqualTo(new RawInput.Text(CARD));
    assertThat(recorder.readsWithin(Duration.ofMillis(300))).isEmpty();
  }

  @Test
  void digitsTypedThroughAnAzertyTillAreMappedBack() throws Exception {
    String azerty = toAzerty(CARD);
    FxKeyboard.type(button, azerty, SCANNER_MS, KeyCode.ENTER);
    Read read = recorder.nextRead(WAIT);
    assertThat(read.raw()).isEqualTo(new RawInput.Text(CARD));
    assertThat(read.recognised()).isTrue();
  }

  @Test
  void scanThatIsNotACodeIsDeliveredWithItsReason() throws Exception {
    FxKeyboard.type(button, "4006381333931", SCANNER_MS, KeyCode.TAB);
    Read read = recorder.nextRead(WAIT);
    assertThat(read.reading()).isInstanceOf(CodeReading.NotACode.class);
  }

  @Test
  void codeTypedOnPurposeIsMarkedTyped() throws Exception {
    reader.submitTyped(CARD);
    Read read = recorder.nextRead(WAIT);
    assertThat(read.inputMethod()).isEqualTo(InputMethod.TYPED);
    assertThat(read.recognised()).isTrue();
  }

  @Test
  void detachedReaderIsDisconnectedAndHearsNothing() throws Exception {
    FxKeyboard.onFx(() -> reader.detach());
    assertThat(reader.status().state()).isEqualTo(ReaderStatus.State.DISCONNECTED);
    FxKeyboard.type(button, CARD, SCANNER_MS, KeyCode.ENTER);
    assertThat(recorder.readsWithin(Duration.ofMillis(300))).isEmpty();
  }

  private static String toAzerty(String digits) {
    String row = "&é\"'(-è_çà";
    StringBuilder out = new StringBuilder();
    for (char c : digits.toCharArray()) {
      out.append(row.charAt(c == '0' ? 9 : c - '1'));
    }
    return out.toString();
  }
}
