package com.stampcard.pos.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.ledger.EventType;
import com.stampcard.pos.testing.ServerFake;
import com.stampcard.pos.testing.TillRig;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class RedeemFlowTest extends TillUiTest {
  private static final String CARD = "2900000000018";
  private static final String OTHER_CARD = "2900000000025";

  @Test
  void aFullCardIsRedeemedWithApprovalAndTheNextStampStartsANewCard() throws Exception {
    start();
    logInAndChoose("anna", "1234", "coffee-card");
    fillCard(CARD);
    until(() -> text("#panel-given #card-to-go").equals("Card full: a free coffee!"));

    press(KeyCode.F2);
    until(() -> text("#mode-title").startsWith("Redeem mode"));
    rig.scanLater(CARD);
    until(() -> visible("#panel-check"));
    assertThat(text("#verdict")).isEqualTo("OK. Check the card and approve.");
    screenshot("08-redeem-check");
    robot.clickOn("#approve");

    until(() -> visible("#panel-redeemed"));
    assertThat(rig.count(EventType.REDEEM)).isEqualTo(1);
    assertThat(text("#panel-redeemed #card-count")).isEqualTo("0 of 10");
    screenshot("09-redeem-confirmation");
    customerScreenshot("10-customer-display-redeemed");
    assertThat(text("#mode-title")).startsWith("Stamp mode");

    rig.scanLater(CARD);
    until(() -> visible("#panel-given"));
    assertThat(text("#panel-given #card-count")).isEqualTo("1 of 10");
  }

  @Test
  void cancelRedeemsNothing() throws Exception {
    start();
    logInAndChoose("anna", "1234", "coffee-card");
    fillCard(CARD);
    robot.clickOn("#mode-redeem");
    rig.scanLater(CARD);
    until(() -> visible("#panel-check"));

    robot.clickOn("#cancel-redeem");

    until(() -> text("#mode-title").startsWith("Stamp mode"));
    assertThat(rig.count(EventType.REDEEM)).isZero();
  }

  @Test
  void aTypedCardNumberNeedsAManagersPin() throws Exception {
    start();
    logInAndChoose("anna", "1234", "coffee-card");
    fillCard(CARD);
    robot.clickOn("#mode-redeem");
    rig.clock.advance(java.time.Duration.ofMinutes(3));
    robot.clickOn("#typed-code").write(CARD);
    robot.clickOn("#read-typed");
    until(() -> visible("#panel-check"));
    assertThat(text("#verdict")).isEqualTo("A manager must approve.");
    robot.clickOn("#approve");
    until(() -> visible("#panel-manager"));

    robot.clickOn("#manager-id").write("maria");
    robot.clickOn("#manager-pin").write("1111");
    robot.clickOn("#manager-approve");
    until(() -> visible("#manager-problem"));
    assertThat(text("#manager-problem")).startsWith("Wrong manager id or PIN.");
    assertThat(rig.count(EventType.REDEEM)).isZero();
    screenshot("11-manager-pin");

    robot.clickOn("#manager-pin").write("9999");
    robot.clickOn("#manager-approve");
    until(() -> visible("#panel-redeemed"));
    assertThat(rig.count(EventType.REDEEM)).isEqualTo(1);
  }

  @Test
  void offlineTheTillRedeemsWithinItsBudgetThenRefusesWithTheReason() throws Exception {
    ServerFake server = new ServerFake(TillRig.NOON);
    server.online = false;
    start(server, "--redemption.offlineCardsPerTillPerDay=1");
    until(() -> text("#sync-status").startsWith("Offline since"));
    logInAndChoose("anna", "1234", "coffee-card");
    fillCard(CARD);
    fillCard(OTHER_CARD);

    press(KeyCode.F2);
    rig.scanLater(CARD);
    until(() -> visible("#panel-check"));
    robot.clickOn("#approve");
    until(() -> visible("#panel-redeemed"));
    assertThat(rig.count(EventType.REDEEM)).isEqualTo(1);

    press(KeyCode.F2);
    rig.scanLater(OTHER_CARD);
    until(() -> visible("#panel-check"));
    assertThat(text("#verdict")).isEqualTo("Refused.");
    assertThat(robot.lookup("#approve").queryButton().isDisabled()).isTrue();
    assertThat(robot.lookup("#reasons .label").queryAllAs(javafx.scene.control.Label.class))
        .extracting(javafx.scene.control.Label::getText)
        .contains("The offline budget for today is used up. Redeem when the till is online again.");
    screenshot("12-offline-budget-used-up");
    assertThat(rig.count(EventType.REDEEM)).isEqualTo(1);
  }
}
