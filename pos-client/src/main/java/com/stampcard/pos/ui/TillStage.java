package com.stampcard.pos.ui;

import com.stampcard.core.staff.StaffName;
import com.stampcard.pos.TillAssembly;
import com.stampcard.pos.TillEnrolmentException;
import com.stampcard.pos.config.TillConfig;
import com.stampcard.pos.ui.i18n.Msg;
import com.stampcard.pos.ui.i18n.Problems;
import com.stampcard.pos.ui.i18n.Texts;
import com.stampcard.pos.ui.task.TaskExecutor;
import com.stampcard.store.seed.SeedFileException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The till's main stage: its screens over a till whose store may still be opening (the login screen
 * shows the staff as the file had them, ADR 0312), and, when the store can't open, what to do
 * instead of the screens. The app and the UI tests put the till on a stage this way. UI thread.
 */
public final class TillStage {
  private static final System.Logger LOG = System.getLogger(TillStage.class.getName());

  private TillStage() {}

  /**
   * Builds the screens over {@code till}, connects the readers and shows them in {@code stage}. If
   * the store then fails to open, the stage shows the problem and what to do, and {@code failed}
   * hears of it.
   *
   * @param staffOnFile the staff as the till's file had them ({@link TillAssembly#staffOnFile()})
   */
  public static TillWindow show(
      Stage stage,
      TillAssembly till,
      List<StaffName> staffOnFile,
      TillConfig config,
      UiSettings ui,
      TaskExecutor tasks,
      ReaderHub readers,
      Clock clock,
      Consumer<Throwable> failed) {
    TillWindow window = new TillWindow(till.services(), staffOnFile, ui, tasks, clock);
    window.manager().overdraftsFrom(till::overdraftIds);
    till.opened()
        .whenComplete(
            (ok, failure) -> {
              if (failure == null) {
                return;
              }
              Throwable cause =
                  failure instanceof CompletionException && failure.getCause() != null
                      ? failure.getCause()
                      : failure;
              LOG.log(System.Logger.Level.ERROR, "The till's store could not open", cause);
              Platform.runLater(
                  () -> {
                    showProblem(stage, config, cause);
                    failed.accept(cause);
                  });
            });
    window.show(stage);
    readers.connect(window);
    return window;
  }

  /** Shows in {@code stage} why the till could not start and what to do; its button closes it. */
  public static void showProblem(Stage stage, TillConfig config, Throwable cause) {
    Msg what =
        cause instanceof SeedFileException
            ? Msg.of("ui.startup.demo-data", config.demoData().map(Object::toString).orElse(""))
            : cause instanceof TillEnrolmentException
                ? Msg.of("ui.startup.enrolment")
                : Problems.of(cause);
    Texts texts = new Texts(config.language());
    StartupProblemView view =
        new StartupProblemView(texts, what, String.valueOf(cause.getMessage()), stage::close);
    Scene scene = new Scene(view.node(), TillWindow.WIDTH, TillWindow.HEIGHT);
    TillWindow.style(scene);
    stage.setTitle("Stampcard");
    stage.setScene(scene);
    stage.show();
  }
}
