package com.stampcard.pos.ui.shell;

import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.InputMethod;
import com.stampcard.pos.ui.counter.CounterViewModel;
import com.stampcard.pos.ui.customer.CustomerDisplayViewModel;
import com.stampcard.pos.ui.i18n.Msg;
import com.stampcard.pos.ui.login.LoginViewModel;
import com.stampcard.pos.ui.program.ProgramChoiceViewModel;
import com.stampcard.pos.ui.shell.TillSession.Screen;
import com.stampcard.pos.ui.status.ReaderLight;
import com.stampcard.pos.ui.status.StatusBarViewModel;
import com.stampcard.readers.ReaderStatus;
import java.util.Optional;

/**
 * The till as a whole: which screen is on, where a read goes, and the automatic logout after the
 * idle time. Screens are activated when they come on and deactivated when they go. UI thread.
 */
public final class ShellViewModel {
  private final TillSession session;
  private final LoginViewModel login;
  private final ProgramChoiceViewModel programs;
  private final CounterViewModel counter;
  private final CustomerDisplayViewModel customer;
  private final StatusBarViewModel status;

  public ShellViewModel(
      TillSession session,
      LoginViewModel login,
      ProgramChoiceViewModel programs,
      CounterViewModel counter,
      CustomerDisplayViewModel customer,
      StatusBarViewModel status) {
    this.session = session;
    this.login = login;
    this.programs = programs;
    this.counter = counter;
    this.customer = customer;
    this.status = status;
    session.screenProperty().addListener((o, before, now) -> switchScreen(before, now));
  }

  /** Shows the first screen. */
  public void start() {
    activate(session.screen());
  }

  private void switchScreen(Screen before, Screen now) {
    deactivate(before);
    activate(now);
  }

  private void activate(Screen screen) {
    switch (screen) {
      case LOGIN -> login.activate();
      case PROGRAM_CHOICE -> programs.activate();
      case COUNTER -> counter.activate();
    }
  }

  private void deactivate(Screen screen) {
    switch (screen) {
      case LOGIN -> login.deactivate();
      case PROGRAM_CHOICE -> programs.deactivate();
      case COUNTER -> counter.deactivate();
    }
  }

  /** A reader read something. UI thread. Only the counter stamps; elsewhere the till says why. */
  public void codeRead(CodeReading reading, InputMethod input) {
    switch (session.screen()) {
      case COUNTER -> counter.codeRead(reading, input);
      case LOGIN -> login.problemProperty().set(Msg.of("ui.read.log-in-first"));
      case PROGRAM_CHOICE -> programs.problemProperty().set(Msg.of("ui.read.choose-program-first"));
    }
  }

  /**
   * A reader's status changed. UI thread. The status bar shows every reader; when one that was
   * reading is lost, the counter also says what to do.
   */
  public void readerStatus(ReaderStatus s) {
    Optional<ReaderStatus.State> before = status.readerStatus(s);
    if (s.state() == ReaderStatus.State.CONNECTED) {
      counter.readerBack(ReaderLight.nameOf(s.readerId()));
    } else if (before.equals(Optional.of(ReaderStatus.State.CONNECTED))) {
      counter.readerLost(ReaderLight.nameOf(s.readerId()));
    }
  }

  /** Nobody touched the till for the idle time: log out, and say so on the login screen. */
  public void idleTimeout() {
    if (session.cashier() != null) {
      session.logOut();
      login.problemProperty().set(Msg.of("ui.login.idle-logged-out"));
    }
  }

  public TillSession session() {
    return session;
  }

  public LoginViewModel login() {
    return login;
  }

  public ProgramChoiceViewModel programs() {
    return programs;
  }

  public CounterViewModel counter() {
    return counter;
  }

  public CustomerDisplayViewModel customer() {
    return customer;
  }

  public StatusBarViewModel status() {
    return status;
  }
}
