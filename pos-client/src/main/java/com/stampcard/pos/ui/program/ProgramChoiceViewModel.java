package com.stampcard.pos.ui.program;

import com.stampcard.core.program.Program;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.staff.StaffMember;
import com.stampcard.pos.TillServices;
import com.stampcard.pos.ui.i18n.Msg;
import com.stampcard.pos.ui.i18n.Problems;
import com.stampcard.pos.ui.shell.TillSession;
import com.stampcard.pos.ui.task.TaskExecutor;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The program choice: only the programs this cashier may stamp that run at this store. With only
 * one, it is chosen at once.
 */
public final class ProgramChoiceViewModel {
  private final TillServices services;
  private final TaskExecutor tasks;
  private final TillSession session;
  private final ObservableList<Program> programs = FXCollections.observableArrayList();
  private final ObjectProperty<Msg> problem = new SimpleObjectProperty<>();

  public ProgramChoiceViewModel(TillServices services, TaskExecutor tasks, TillSession session) {
    this.services = services;
    this.tasks = tasks;
    this.session = session;
  }

  public void activate() {
    StaffMember cashier = session.cashier();
    StoreId store = services.context().settings().store();
    problem.set(null);
    tasks.run(
        () ->
            services.store().inTransaction(tx -> tx.programs()).stream()
                .filter(p -> p.runsAt(store) && cashier.mayUse(p.id()))
                .sorted(Comparator.comparing(Program::name))
                .toList(),
        (List<Program> mine) -> {
          if (session.cashier() != cashier) {
            return; // logged out meanwhile
          }
          programs.setAll(mine);
          if (mine.isEmpty()) {
            problem.set(Msg.of("ui.programs.none"));
          } else if (mine.size() == 1) {
            session.choose(mine.get(0));
          }
        },
        failure -> problem.set(Problems.of(failure)));
  }

  public void deactivate() {
    programs.clear();
  }

  public void choose(Program program) {
    session.choose(program);
  }

  /** The program with this place in the list, counting from 1 (the number keys). */
  public void chooseNumber(int number) {
    if (number >= 1 && number <= programs.size()) {
      choose(programs.get(number - 1));
    }
  }

  public void logOut() {
    session.logOut();
  }

  public ObservableList<Program> programs() {
    return programs;
  }

  public ObjectProperty<Msg> problemProperty() {
    return problem;
  }
}
