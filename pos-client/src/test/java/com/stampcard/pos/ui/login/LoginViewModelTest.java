package com.stampcard.pos.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.pos.testing.TestTill;
import com.stampcard.pos.ui.i18n.Msg;
import com.stampcard.pos.ui.shell.TillSession.Screen;
import org.junit.jupiter.api.Test;

class LoginViewModelTest {
  private final TestTill till = new TestTill();
  private final LoginViewModel login = till.login;

  private void attempt(String id, String pin) {
    login.staffIdProperty().set(id);
    login.pinProperty().set(pin);
    login.logIn();
  }

  @Test
  void theNamesAreTheActiveStaffByName() {
    assertThat(login.staff())
        .extracting(StaffChoice::name)
        .containsExactly("Anna", "Erik", "Maria");
  }

  @Test
  void theRightPinLogsTheCashierInAndForgetsThePin() {
    login.pick(login.staff().get(0));
    "1234".chars().forEach(c -> login.pinDigit((char) c));
    login.logIn();

    assertThat(till.session.cashier().name()).isEqualTo("Anna");
    assertThat(till.session.screen()).isEqualTo(Screen.PROGRAM_CHOICE);
    assertThat(login.pinProperty().get()).isEmpty();
  }

  @Test
  void anIdTypedInCapitalsIsTheSameCashier() {
    attempt(" Anna ", "1234");
    assertThat(till.session.cashier().id().value()).isEqualTo("anna");
  }

  @Test
  void aWrongPinSaysHowTheLockoutWorksAndLogsNobodyIn() {
    attempt("anna", "9999");

    assertThat(till.session.cashier()).isNull();
    assertThat(login.problemProperty().get())
        .isEqualTo(Msg.of("ui.login.wrong-pin", TestTill.MAX_FAILURES, 5L));
  }

  @Test
  void anUnknownIdReadsLikeAWrongPin() {
    attempt("nobody", "1234");
    assertThat(login.problemProperty().get().key()).isEqualTo("ui.login.wrong-pin");
    attempt("NOT AN ID!", "1234");
    assertThat(login.problemProperty().get().key()).isEqualTo("ui.login.wrong-pin");
  }

  @Test
  void repeatedWrongPinsLockTheNameEvenAgainstTheRightPin() {
    for (int i = 0; i < TestTill.MAX_FAILURES; i++) {
      attempt("anna", "0000");
    }
    assertThat(login.problemProperty().get()).isEqualTo(Msg.of("ui.login.locked-out", "12:05"));

    attempt("anna", "1234");
    assertThat(till.session.cashier()).isNull();
    assertThat(login.problemProperty().get().key()).isEqualTo("ui.login.locked-out");
  }

  @Test
  void anInactiveCashierCannotLogIn() {
    attempt("olle", "1111");
    assertThat(till.session.cashier()).isNull();
  }

  @Test
  void withoutNameOrPinTheScreenSaysWhatIsMissing() {
    attempt("", "1234");
    assertThat(login.problemProperty().get()).isEqualTo(Msg.of("ui.login.pick-name"));
    attempt("anna", "");
    assertThat(login.problemProperty().get()).isEqualTo(Msg.of("ui.login.enter-pin"));
  }

  @Test
  void theKeypadTakesDigitsOnlyAndDeletes() {
    login.pinDigit('1');
    login.pinDigit('x');
    login.pinDigit('2');
    login.pinBackspace();
    assertThat(login.pinProperty().get()).isEqualTo("1");
  }
}
