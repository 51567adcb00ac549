package com.stampcard.pos.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginFlowTest extends TillUiTest {
  @Test
  void wrongPinsLockTheNameOut() throws Exception {
    start("--login.maxFailures=3");
    for (int i = 0; i < 2; i++) {
      logIn("erik", "0000");
      until(() -> visible("#login-problem"));
      assertThat(text("#login-problem")).startsWith("Wrong name or PIN.");
    }
    logIn("erik", "0000");
    until(() -> text("#login-problem").startsWith("Too many wrong PINs"));

    logIn("erik", "2345");
    until(() -> text("#login-problem").startsWith("Too many wrong PINs"));
    assertThat(visible("#counter-program")).isFalse();
    screenshot("13-login-locked-out");
  }

  @Test
  void aTillLeftAloneLogsTheCashierOut() throws Exception {
    rig =
        com.stampcard.pos.testing.TillRig.open(
            dir, com.stampcard.core.till.RedemptionAuthority.standaloneTill());
    rig.idleLogout(Duration.ofSeconds(2));
    show();
    logInAndChoose("anna", "1234", "coffee-card");

    Thread.sleep(2_500);

    until(() -> visible("#login-problem"));
    assertThat(text("#login-problem")).startsWith("Logged out after a time without use.");
  }

  @Test
  void theLanguageChangesEveryTextAtOnce() throws Exception {
    start();
    robot.clickOn("#language-sv");
    until(() -> text("#log-in .till-button-text").equals("Logga in"));
    screenshot("14-login-swedish");
    logInAndChoose("anna", "1234", "coffee-card");
    assertThat(text("#mode-title")).isEqualTo("Stämpelläge: varje läsning ger en stämpel");

    robot.clickOn("#log-out");
    robot.clickOn("#language-nl");
    logInAndChoose("anna", "1234", "coffee-card");
    assertThat(text("#mode-title")).isEqualTo("Stempelmodus: elke scan geeft een stempel");
    rig.scan("2900000000018");
    until(() -> visible("#panel-given"));
    assertThat(text("#panel-given #card-count")).isEqualTo("1 van 10");
  }
}
