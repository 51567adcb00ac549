package com.stampcard.pos.ui.shell;

import com.stampcard.pos.ui.counter.CounterView;
import com.stampcard.pos.ui.login.LoginView;
import com.stampcard.pos.ui.program.ProgramChoiceView;
import com.stampcard.pos.ui.shell.TillSession.Screen;
import com.stampcard.pos.ui.status.StatusBarView;
import java.time.Duration;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/**
 * The main window's content: the status bar on top, one screen below. Also the idle watch: any key,
 * click or touch (and any read) restarts it; when it runs out, the cashier is logged out.
 */
public final class ShellView {
  private final ShellViewModel vm;
  private final BorderPane root = new BorderPane();
  private final StackPane screens = new StackPane();
  private final LoginView login;
  private final ProgramChoiceView programs;
  private final CounterView counter;
  private final PauseTransition idle;

  public ShellView(
      ShellViewModel vm,
      StatusBarView status,
      LoginView login,
      ProgramChoiceView programs,
      CounterView counter,
      Duration idleLogout) {
    this.vm = vm;
    this.login = login;
    this.programs = programs;
    this.counter = counter;
    root.getStyleClass().add("till");
    root.setTop(status.node());
    root.setCenter(screens);
    idle = new PauseTransition(javafx.util.Duration.millis(idleLogout.toMillis()));
    idle.setOnFinished(e -> vm.idleTimeout());
    vm.session().screenProperty().addListener((o, before, now) -> show(now));
    show(vm.session().screen());
    root.addEventFilter(KeyEvent.ANY, this::activity);
    root.addEventFilter(MouseEvent.MOUSE_PRESSED, this::activity);
    root.addEventFilter(TouchEvent.TOUCH_PRESSED, this::activity);
  }

  /**
   * Lays {@code overlay} over the screens (the manager's area); it shows itself when it needs, and
   * joins the scene the first time it does.
   */
  public void overlay(Node overlay) {
    if (overlay.isVisible()) {
      screens.getChildren().add(overlay);
      return;
    }
    overlay
        .visibleProperty()
        .addListener(
            (o, was, now) -> {
              if (now && !screens.getChildren().contains(overlay)) {
                screens.getChildren().add(overlay);
              }
            });
  }

  public BorderPane node() {
    return root;
  }

  /** Something happened at the till (a read, say): the idle time starts again. */
  public void activity() {
    if (vm.session().screen() != Screen.LOGIN) {
      idle.playFromStart();
    }
  }

  private void activity(Event e) {
    activity();
  }

  /**
   * Shows {@code screen} and hides the others. A screen joins the scene the first time it is shown
   * and stays (hidden while another shows): the start-up styles and lays out the login screen only,
   * and later switches only flip which one is visible.
   */
  private void show(Screen screen) {
    Node shown =
        switch (screen) {
          case LOGIN -> login.node();
          case PROGRAM_CHOICE -> programs.node();
          case COUNTER -> counter.node();
        };
    if (!screens.getChildren().contains(shown)) {
      screens.getChildren().add(0, shown);
    }
    login.node().setVisible(screen == Screen.LOGIN);
    programs.node().setVisible(screen == Screen.PROGRAM_CHOICE);
    counter.node().setVisible(screen == Screen.COUNTER);
    if (screen == Screen.LOGIN) {
      idle.stop();
      Platform.runLater(login::focus);
    } else {
      idle.playFromStart();
      Platform.runLater(shown::requestFocus);
    }
  }
}
