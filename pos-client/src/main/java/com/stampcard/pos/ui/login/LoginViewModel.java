package com.stampcard.pos.ui.login;

import com.stampcard.core.staff.LoginResult;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffMember;
import com.stampcard.core.staff.StaffName;
import com.stampcard.pos.TillServices;
import com.stampcard.pos.ui.i18n.Msg;
import com.stampcard.pos.ui.i18n.Problems;
import com.stampcard.pos.ui.shell.TillSession;
import com.stampcard.pos.ui.task.TaskExecutor;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The login screen: the cashier picks their name (or types their id) and enters their PIN. Wrong
 * PINs count towards a lockout (in {@link com.stampcard.core.staff.StaffLogin}); the screen says
 * how many are allowed and, when locked, until when.
 */
public final class LoginViewModel {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  private final TillServices services;
  private final List<StaffChoice> namesOnFile;
  private final TaskExecutor tasks;
  private final TillSession session;
  private final int maxFailures;
  private final Duration lockout;

  private final ObservableList<StaffChoice> staff = FXCollections.observableArrayList();
  private final StringProperty staffId = new SimpleStringProperty("");
  private final StringProperty pin = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final ObjectProperty<Msg> problem = new SimpleObjectProperty<>();
  private final BooleanBinding canLogIn =
      Bindings.createBooleanBinding(
          () -> !busy.get() && !staffId.get().isBlank() && !pin.get().isEmpty(),
          busy,
          staffId,
          pin);

  /**
   * @param staffOnFile the active staff as the till's file had them before the store opened, shown
   *     on the first activation while the store is still opening (ADR 0312)
   */
  public LoginViewModel(
      TillServices services,
      List<StaffName> staffOnFile,
      TaskExecutor tasks,
      TillSession session,
      int maxFailures,
      Duration lockout) {
    this.services = services;
    this.namesOnFile = staffOnFile.stream().map(LoginViewModel::choice).toList();
    this.tasks = tasks;
    this.session = session;
    this.maxFailures = maxFailures;
    this.lockout = lockout;
  }

  /**
   * On show: an empty PIN, and the names of the active staff: at once the ones already known (the
   * file's, the first time; the last read's, later), then fresh from the store when it answers. The
   * store may still be opening: the screen is usable meanwhile, and a login waits for it.
   */
  public void activate() {
    pin.set("");
    if (staff.isEmpty()) {
      staff.setAll(namesOnFile);
    }
    tasks.run(
        () ->
            services.store().inTransaction(tx -> tx.staff()).stream()
                .filter(StaffMember::active)
                .sorted(Comparator.comparing(StaffMember::name))
                .map(m -> choice(new StaffName(m.id(), m.name())))
                .toList(),
        (List<StaffChoice> names) -> {
          if (!names.equals(staff)) {
            staff.setAll(names);
          }
        },
        failure -> problem.set(Problems.of(failure)));
  }

  private static StaffChoice choice(StaffName name) {
    return new StaffChoice(name.id().value(), name.name());
  }

  /** On hide: nothing of the PIN stays in memory. */
  public void deactivate() {
    pin.set("");
    staffId.set("");
    problem.set(null);
  }

  public void pick(StaffChoice choice) {
    staffId.set(choice.id());
    problem.set(null);
  }

  public void pinDigit(char digit) {
    if (Character.isDigit(digit) && pin.get().length() < 12) {
      pin.set(pin.get() + digit);
    }
  }

  public void pinBackspace() {
    String p = pin.get();
    if (!p.isEmpty()) {
      pin.set(p.substring(0, p.length() - 1));
    }
  }

  public void logIn() {
    if (!canLogIn.get()) {
      if (staffId.get().isBlank()) {
        problem.set(Msg.of("ui.login.pick-name"));
      } else if (pin.get().isEmpty()) {
        problem.set(Msg.of("ui.login.enter-pin"));
      }
      return;
    }
    String id = staffId.get().strip().toLowerCase(Locale.ROOT);
    char[] secret = pin.get().toCharArray();
    pin.set("");
    StaffId staffIdValue;
    try {
      staffIdValue = new StaffId(id);
    } catch (IllegalArgumentException e) {
      problem.set(wrongPin());
      return;
    }
    busy.set(true);
    problem.set(null);
    tasks.run(
        () -> {
          try {
            return services.staffLogin().login(staffIdValue, secret);
          } finally {
            Arrays.fill(secret, '\0');
          }
        },
        result -> {
          busy.set(false);
          if (result instanceof LoginResult.LoggedIn in) {
            session.logIn(in.member());
            return;
          }
          LoginResult.Refused refused = (LoginResult.Refused) result;
          problem.set(
              refused.why() == LoginResult.Why.LOCKED_OUT
                  ? Msg.of(
                      "ui.login.locked-out", refused.lockedUntil().map(this::clock).orElse("?"))
                  : wrongPin());
        },
        failure -> {
          busy.set(false);
          problem.set(Problems.of(failure));
        });
  }

  private Msg wrongPin() {
    return Msg.of("ui.login.wrong-pin", maxFailures, lockout.toMinutes());
  }

  private String clock(Instant at) {
    ZoneId zone = services.context().settings().zone();
    return CLOCK.format(at.atZone(zone));
  }

  public ObservableList<StaffChoice> staff() {
    return staff;
  }

  public StringProperty staffIdProperty() {
    return staffId;
  }

  public StringProperty pinProperty() {
    return pin;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public ObjectProperty<Msg> problemProperty() {
    return problem;
  }

  public BooleanBinding canLogInProperty() {
    return canLogIn;
  }
}
