package com.stampcard.pos.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.pos.testing.TestTill;
import com.stampcard.pos.ui.i18n.Msg;
import com.stampcard.pos.ui.shell.TillSession.Screen;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {
  private final TestTill till = new TestTill();

  @Test
  void aReadBeforeLoginRecordsNothingAndSaysLogInFirst() {
    till.scan(TestTill.card(1).number());

    assertThat(till.login.problemProperty().get()).isEqualTo(Msg.of("ui.read.log-in-first"));
    assertThat(till.store.events).isEmpty();
  }

  @Test
  void aReadBeforeAProgramIsChosenSaysChooseFirst() {
    till.login.staffIdProperty().set("anna");
    till.login.pinProperty().set("1234");
    till.login.logIn();
    till.scan(TestTill.card(1).number());

    assertThat(till.programs.problemProperty().get())
        .isEqualTo(Msg.of("ui.read.choose-program-first"));
    assertThat(till.store.events).isEmpty();
  }

  @Test
  void theIdleTimeLogsTheCashierOutAndTheLoginScreenSaysWhy() {
    till.atCounter("anna", "1234", TestTill.COFFEE);
    assertThat(till.session.screen()).isEqualTo(Screen.COUNTER);

    till.shell.idleTimeout();

    assertThat(till.session.screen()).isEqualTo(Screen.LOGIN);
    assertThat(till.login.problemProperty().get()).isEqualTo(Msg.of("ui.login.idle-logged-out"));
  }
}
