package com.stampcard.pos.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.code.AppCodeDigits;
import com.stampcard.core.code.AppCodeMaker;
import com.stampcard.core.ledger.EventType;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class StampFlowTest extends TillUiTest {
  private static final String CARD = "2900000000018";

  @Test
  void aCashierLogsInChoosesTheCoffeeCardAndAScanGivesAStampOnScreen() throws Exception {
    start();
    screenshot("01-login");
    logIn("anna", "1234");
    until(() -> visible("#program-coffee-card"));
    assertThat(visible("#program-lunch-points")).isTrue();
    screenshot("02-program-choice");
    robot.clickOn("#program-coffee-card");
    until(() -> visible("#ready-text"));
    assertThat(text("#counter-program")).isEqualTo("Coffee card");

    rig.scan(CARD);

    until(() -> visible("#panel-given"));
    assertThat(text("#panel-given #card-count")).isEqualTo("1 of 10");
    assertThat(text("#panel-given #card-to-go")).isEqualTo("9 more to a free coffee");
    assertThat(rig.count(EventType.STAMP)).isEqualTo(1);
    screenshot("03-stamp-confirmation");
    customerScreenshot("04-customer-display-card");
  }

  @Test
  void theSameCardTwiceAsksAndEscapeGivesNoSecondStamp() throws Exception {
    start();
    logInAndChoose("anna", "1234", "coffee-card");
    rig.scan(CARD);
    until(() -> visible("#panel-given"));

    rig.scan(CARD);
    until(() -> visible("#panel-question"));
    assertThat(text("#question")).startsWith("This card was just stamped.");
    screenshot("05-same-card-again");
    press(KeyCode.ESCAPE);

    until(() -> visible("#ready-text"));
    assertThat(rig.count(EventType.STAMP)).isEqualTo(1);

    rig.scan(CARD);
    until(() -> visible("#panel-question"));
    robot.clickOn("#stamp-again");
    until(() -> visible("#panel-given"));
    assertThat(text("#panel-given #card-count")).isEqualTo("2 of 10");
    assertThat(rig.count(EventType.STAMP)).isEqualTo(2);
  }

  @Test
  void aNewPhoneIsWelcomedAndItsReplayedCodeIsRefusedWithTheReason() throws Exception {
    start();
    logInAndChoose("anna", "1234", "coffee-card");
    String code = AppCodeDigits.encode(AppCodeMaker.newPhone().firstUseAt(rig.clock.instant()));

    rig.scan(code);
    until(() -> visible("#welcome"));
    assertThat(text("#panel-given #card-count")).isEqualTo("1 of 10");
    customerScreenshot("06-customer-display-welcome");

    rig.scan(code);
    until(() -> visible("#banner"));
    assertThat(text("#banner")).startsWith("This app code has already been used.");
    assertThat(rig.count(EventType.STAMP)).isEqualTo(1);
  }

  @Test
  void somethingThatIsNotAStampcardCodeSaysWhatToDo() throws Exception {
    start();
    logInAndChoose("anna", "1234", "coffee-card");

    rig.scan("7350012345678");

    until(() -> visible("#banner"));
    assertThat(text("#banner")).startsWith("This is not a Stampcard card");
    assertThat(rig.count(EventType.STAMP)).isZero();
    screenshot("07-not-a-stampcard-code");
  }

  @Test
  void theLastStampIsUndoneWithAReason() throws Exception {
    start();
    logInAndChoose("anna", "1234", "coffee-card");
    rig.scan(CARD);
    until(() -> visible("#panel-given"));

    press(KeyCode.F3);
    until(() -> visible("#panel-undo"));
    robot.clickOn("#undo-reason").write("Wrong card");
    robot.clickOn("#undo-confirm");

    until(() -> visible("#panel-undone"));
    assertThat(rig.count(EventType.VOID)).isEqualTo(1);
    assertThat(text("#panel-undone #card-count")).isEqualTo("0 of 10");
  }
}
