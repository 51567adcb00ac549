package com.stampcard.pos.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.ledger.EventType;
import java.time.Duration;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The manager's area on the till: opened with a manager's PIN, the review, the day's figures. */
class ManagerFlowTest extends TillUiTest {
  private static final String CARD = "2900000000018";
  private static final String OTHER_CARD = "2900000000025";

  @Test
  void flaggedRedemptionsComeFirstAndAManagerVoidsOneWithAReason() throws Exception {
    start();
    logInAndChoose("anna", "1234", "coffee-card");
    fillCard(CARD);
    fillCard(OTHER_CARD);
    redeemTypedWithManager(CARD);
    rig.clock.advance(Duration.ofMinutes(5));
    press(KeyCode.F2);
    rig.scanLater(OTHER_CARD);
    until(() -> visible("#panel-check"));
    robot.clickOn("#approve");
    until(() -> visible("#panel-redeemed"));
    assertThat(rig.count(EventType.REDEEM)).isEqualTo(2);

    robot.clickOn("#open-manager");
    until(() -> visible("#manager-area-pin"));
    robot.clickOn("#manager-area-id").write("anna");
    robot.clickOn("#manager-area-pin").write("1234");
    robot.clickOn("#manager-area-log-in");
    until(() -> visible("#manager-area-problem"));
    assertThat(text("#manager-area-problem")).startsWith("That is not a manager.");
    robot.clickOn("#manager-area-id").eraseText(4).write("maria");
    robot.clickOn("#manager-area-pin").write("9999");
    robot.clickOn("#manager-area-log-in");
    until(() -> visible("#review-list") && cells() == 2);

    // the typed, manager-approved one is older but flagged: it comes first
    assertThat(reviewLineText(0)).contains("Code typed by hand · Manager approved");
    assertThat(reviewLineText(0)).contains("by Anna · till cafe-norr-1");
    assertThat(reviewLineText(0)).contains("Coffee card: card redeemed, stamps 10");
    assertThat(reviewLineText(1)).contains("No concerns");
    screenshot("20-manager-review");

    robot.clickOn("#void-selected");
    assertThat(rig.count(EventType.VOID)).isZero();
    robot.clickOn(reviewLine(0));
    robot.clickOn("#void-selected");
    until(() -> visible("#review-message"));
    assertThat(text("#review-message")).isEqualTo("Give a reason: it goes into the books.");
    assertThat(rig.count(EventType.VOID)).isZero();

    robot.clickOn("#void-reason").write("customer had no card");
    robot.clickOn("#void-selected");
    until(() -> text("#review-message").startsWith("Voided.") && cells() == 3);
    assertThat(rig.count(EventType.VOID)).isEqualTo(1);
    assertThat(reviewLineText(0) + reviewLineText(1))
        .contains("Coffee card: void. Reason: customer had no card");
    assertThat(reviewLineText(0) + reviewLineText(1))
        .contains("Voided. Reason: customer had no card");
    screenshot("21-manager-review-voided");

    robot.clickOn("#manager-area-close");
    until(() -> visible("#counter-program") && !visible("#manager-area"));
    // the PIN is asked again next time
    robot.clickOn("#open-manager");
    until(() -> visible("#manager-area-pin"));
    assertThat(visible("#review-list")).isFalse();
  }

  @Test
  void theDaysFiguresShowEachCashier() throws Exception {
    start();
    logInAndChoose("anna", "1234", "coffee-card");
    rig.scanLater(CARD);
    rig.scanLater(OTHER_CARD);
    until(() -> rig.count(EventType.STAMP) == 2);
    robot.clickOn("#log-out");
    until(() -> visible("#staff-erik"));
    logInAndChoose("erik", "2345", "coffee-card");
    rig.scanLater(CARD);
    until(() -> rig.count(EventType.STAMP) == 3);

    press(KeyCode.F8);
    until(() -> visible("#manager-area-pin"));
    robot.clickOn("#manager-area-id").write("maria");
    robot.clickOn("#manager-area-pin").write("9999").press(KeyCode.ENTER).release(KeyCode.ENTER);
    until(() -> visible("#section-figures"));
    robot.clickOn("#section-figures");
    until(() -> visible("#figures") && robot.lookup("#fig-erik-stamps").tryQuery().isPresent());

    assertThat(text("#fig-anna-name")).isEqualTo("Anna");
    assertThat(text("#fig-anna-stamps")).isEqualTo("2");
    assertThat(text("#fig-anna-new")).isEqualTo("2");
    assertThat(text("#fig-erik-stamps")).isEqualTo("1");
    assertThat(text("#fig-erik-new")).isEqualTo("0");
    assertThat(text("#fig-all-stamps")).isEqualTo("3");
    assertThat(text("#fig-all-redemptions")).isEqualTo("0");
    screenshot("22-manager-figures");
  }

  private void redeemTypedWithManager(String card) {
    robot.clickOn("#mode-redeem");
    rig.clock.advance(Duration.ofMinutes(3));
    robot.clickOn("#typed-code").write(card);
    robot.clickOn("#read-typed");
    until(() -> visible("#panel-check"));
    robot.clickOn("#approve");
    until(() -> visible("#panel-manager"));
    robot.clickOn("#manager-id").write("maria");
    robot.clickOn("#manager-pin").write("9999");
    robot.clickOn("#manager-approve");
    until(() -> visible("#panel-redeemed"));
  }

  private int cells() {
    return (int)
        robot.lookup("#review-list .list-cell").queryAll().stream()
            .filter(n -> ((javafx.scene.control.ListCell<?>) n).getItem() != null)
            .count();
  }
}
