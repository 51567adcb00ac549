package com.stampcard.pos.ui.program;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.program.Program;
import com.stampcard.core.staff.PinHash;
import com.stampcard.core.staff.Role;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffMember;
import com.stampcard.pos.testing.TestTill;
import com.stampcard.pos.ui.i18n.Msg;
import com.stampcard.pos.ui.shell.TillSession.Screen;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProgramChoiceViewModelTest {
  private final TestTill till = new TestTill();

  private void logIn(String id, String pin) {
    till.login.staffIdProperty().set(id);
    till.login.pinProperty().set(pin);
    till.login.logIn();
  }

  @Test
  void onlyProgramsThatRunAtThisStoreAreOffered() {
    logIn("anna", "1234");

    assertThat(till.programs.programs())
        .extracting(Program::name)
        .containsExactly("Coffee card", "Lunch points");
    assertThat(till.session.screen()).isEqualTo(Screen.PROGRAM_CHOICE);
  }

  @Test
  void aCashierWithOneProgramGoesStraightToTheCounter() {
    logIn("erik", "2345");

    assertThat(till.session.program().id()).isEqualTo(TestTill.COFFEE);
    assertThat(till.session.screen()).isEqualTo(Screen.COUNTER);
  }

  @Test
  void aCashierWithNoProgramHereIsToldWhatToDo() {
    till.store.inTransaction(
        tx -> {
          tx.saveStaffMember(
              StaffMember.of(
                  new StaffId("tove"),
                  "Tove",
                  Role.CASHIER,
                  PinHash.of("5555".toCharArray(), 1_000),
                  Set.of(new com.stampcard.core.program.ProgramId("tea-card"))));
          return null;
        });
    logIn("tove", "5555");

    assertThat(till.programs.programs()).isEmpty();
    assertThat(till.programs.problemProperty().get()).isEqualTo(Msg.of("ui.programs.none"));
  }

  @Test
  void theNumberKeysChooseByPlace() {
    logIn("anna", "1234");
    till.programs.chooseNumber(7);
    assertThat(till.session.program()).isNull();
    till.programs.chooseNumber(2);
    assertThat(till.session.program().id()).isEqualTo(TestTill.LUNCH);
  }
}
