package com.stampcard.pos.ui;

import atlantafx.base.theme.PrimerLight;
import com.stampcard.core.staff.StaffName;
import com.stampcard.pos.TillServices;
import com.stampcard.pos.ui.counter.CounterView;
import com.stampcard.pos.ui.counter.CounterViewModel;
import com.stampcard.pos.ui.customer.CustomerDisplayView;
import com.stampcard.pos.ui.customer.CustomerDisplayViewModel;
import com.stampcard.pos.ui.i18n.Texts;
import com.stampcard.pos.ui.login.LoginView;
import com.stampcard.pos.ui.login.LoginViewModel;
import com.stampcard.pos.ui.manager.ManagerView;
import com.stampcard.pos.ui.manager.ManagerViewModel;
import com.stampcard.pos.ui.program.ProgramChoiceView;
import com.stampcard.pos.ui.program.ProgramChoiceViewModel;
import com.stampcard.pos.ui.shell.ShellView;
import com.stampcard.pos.ui.shell.ShellViewModel;
import com.stampcard.pos.ui.shell.TillSession;
import com.stampcard.pos.ui.status.StatusBarView;
import com.stampcard.pos.ui.status.StatusBarViewModel;
import com.stampcard.pos.ui.task.TaskExecutor;
import com.stampcard.readers.Read;
import com.stampcard.readers.ReaderStatus;
import java.time.Clock;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The till's screens, built over its services: the main window and the customer display. The
 * composition root of the UI; the app and the tests build it the same way. UI thread.
 */
public final class TillWindow {
  public static final double WIDTH = 1280;
  public static final double HEIGHT = 800;

  private final Texts texts;
  private final ShellViewModel shell;
  private final ShellView shellView;
  private final StatusBarView statusView;
  private final CounterView counterView;
  private final CustomerDisplayView customerView;
  private final Scene scene;
  private final Scene customerScene;
  private final UiSettings settings;
  private final ManagerViewModel manager;

  /**
   * @param staffOnFile the active staff as the till's file had them before its store opened: the
   *     login screen shows them at once (ADR 0312)
   */
  public TillWindow(
      TillServices services,
      List<StaffName> staffOnFile,
      UiSettings settings,
      TaskExecutor tasks,
      Clock clock) {
    this.settings = settings;
    texts = new Texts(settings.language());
    TillSession session = new TillSession();
    CustomerDisplayViewModel customer = new CustomerDisplayViewModel(settings.shopName());
    LoginViewModel login =
        new LoginViewModel(
            services,
            staffOnFile,
            tasks,
            session,
            settings.loginMaxFailures(),
            settings.loginLockout());
    ProgramChoiceViewModel programs = new ProgramChoiceViewModel(services, tasks, session);
    CounterViewModel counter =
        new CounterViewModel(services, tasks, session, customer, settings.currency());
    StatusBarViewModel status =
        new StatusBarViewModel(
            services.sync(),
            clock,
            services.context().settings().zone(),
            settings.shopName(),
            services.context().settings().till().value());
    shell = new ShellViewModel(session, login, programs, counter, customer, status);

    statusView = new StatusBarView(status, texts);
    counterView = new CounterView(counter, texts, session);
    shellView =
        new ShellView(
            shell,
            statusView,
            new LoginView(login, texts),
            new ProgramChoiceView(programs, texts),
            counterView,
            settings.idleLogout());
    manager = new ManagerViewModel(services, tasks, settings.shopName(), clock);
    shellView.overlay(new ManagerView(manager, texts, services.context().settings().zone()).node());
    counterView.onManagerArea(manager::open);
    session.cashierProperty().addListener((o, was, now) -> manager.close());
    scene = new Scene(shellView.node(), WIDTH, HEIGHT);
    style(scene);
    customerView = new CustomerDisplayView(customer, texts);
    customerScene = new Scene(new javafx.scene.layout.StackPane(customerView.node()), 1024, 768);
    style(customerScene);
  }

  /** The theme and the till's stylesheet. */
  static void style(Scene target) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    target.getStylesheets().add(TillWindow.class.getResource("till.css").toExternalForm());
  }

  /**
   * Runs {@code action} once, on the UI thread, when the login screen is usable: the names are
   * loaded and laid out for the next frame.
   */
  public void whenUsable(Runnable action) {
    Runnable[] listener = new Runnable[1];
    Runnable onPulse =
        () -> {
          if (!shell.login().staff().isEmpty()) {
            scene.removePostLayoutPulseListener(listener[0]);
            action.run();
          }
        };
    listener[0] = onPulse;
    scene.addPostLayoutPulseListener(onPulse);
  }

  /** Shows the till in {@code stage}, and the customer display when configured. */
  public void show(Stage stage) {
    stage.setTitle("Stampcard · " + settings.shopName());
    stage.setScene(scene);
    stage.setMinWidth(1024);
    stage.setMinHeight(700);
    stage.show();
    statusView.start();
    shell.start();
    List<Screen> screens = Screen.getScreens();
    boolean second = screens.size() > 1;
    if (settings.customerDisplay() == UiSettings.CustomerDisplay.ON
        || (settings.customerDisplay() == UiSettings.CustomerDisplay.AUTO && second)) {
      Stage facing = new Stage();
      facing.setTitle(settings.shopName());
      facing.setScene(customerScene);
      if (second) {
        Rectangle2D bounds = screens.get(1).getBounds();
        facing.setX(bounds.getMinX());
        facing.setY(bounds.getMinY());
        facing.setWidth(bounds.getWidth());
        facing.setHeight(bounds.getHeight());
        facing.setFullScreenExitHint("");
        facing.setFullScreen(true);
      }
      facing.show();
      stage.setOnHidden(e -> facing.close());
    }
  }

  /** A reader read something. UI thread. */
  public void read(Read read) {
    shellView.activity();
    if (manager.openProperty().get()) {
      manager.codeRead(read.reading());
      return;
    }
    shell.codeRead(read.reading(), read.inputMethod());
  }

  /** A reader's status changed. UI thread. */
  public void readerStatus(ReaderStatus status) {
    shell.readerStatus(status);
  }

  public void stop() {
    statusView.stop();
  }

  /** The manager's area: review, figures. */
  public ManagerViewModel manager() {
    return manager;
  }

  public Texts texts() {
    return texts;
  }

  public ShellViewModel shell() {
    return shell;
  }

  public ShellView shellView() {
    return shellView;
  }

  public CounterView counterView() {
    return counterView;
  }

  public StatusBarView statusView() {
    return statusView;
  }

  public Scene scene() {
    return scene;
  }

  public Scene customerScene() {
    return customerScene;
  }
}
