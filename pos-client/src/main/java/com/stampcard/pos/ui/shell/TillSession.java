package com.stampcard.pos.ui.shell;

import com.stampcard.core.program.Program;
import com.stampcard.core.staff.StaffMember;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Who is at the till and with which program. The screen shown follows from it: nobody logged in is
 * the login screen, no program is the program choice, both is the counter. UI thread only.
 */
public final class TillSession {
  /** The till's main screens. */
  public enum Screen {
    LOGIN,
    PROGRAM_CHOICE,
    COUNTER
  }

  private final ObjectProperty<StaffMember> cashier = new SimpleObjectProperty<>();
  private final ObjectProperty<Program> program = new SimpleObjectProperty<>();
  private final ObjectBinding<Screen> screen =
      Bindings.createObjectBinding(
          () ->
              cashier.get() == null
                  ? Screen.LOGIN
                  : program.get() == null ? Screen.PROGRAM_CHOICE : Screen.COUNTER,
          cashier,
          program);

  public void logIn(StaffMember member) {
    program.set(null);
    cashier.set(member);
  }

  public void choose(Program chosen) {
    if (cashier.get() == null) {
      throw new IllegalStateException("nobody is logged in");
    }
    program.set(chosen);
  }

  /** Back to the program choice, still logged in. */
  public void changeProgram() {
    program.set(null);
  }

  public void logOut() {
    program.set(null);
    cashier.set(null);
  }

  public ReadOnlyObjectProperty<StaffMember> cashierProperty() {
    return cashier;
  }

  public ReadOnlyObjectProperty<Program> programProperty() {
    return program;
  }

  public StaffMember cashier() {
    return cashier.get();
  }

  public Program program() {
    return program.get();
  }

  public ObjectBinding<Screen> screenProperty() {
    return screen;
  }

  public Screen screen() {
    return screen.get();
  }
}
