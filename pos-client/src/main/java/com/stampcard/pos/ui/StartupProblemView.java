package com.stampcard.pos.ui;

import com.stampcard.pos.ui.controls.TillControls;
import com.stampcard.pos.ui.i18n.Msg;
import com.stampcard.pos.ui.i18n.Texts;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * What the till shows when it cannot start (the database is open in another till process, the disk
 * is full, a demo file is wrong): what happened, what to do, and the detail for IT.
 */
public final class StartupProblemView {
  private final VBox root = new VBox(24);

  public StartupProblemView(Texts texts, Msg whatToDo, String detail, Runnable quit) {
    root.getStyleClass().addAll("screen", "page", "startup-problem");
    root.setAlignment(Pos.CENTER);
    Label title = TillControls.text(texts.of("ui.startup.failed"), "screen-title");
    Label what = TillControls.text(texts.of(whatToDo.key(), whatToDo.args().toArray()), "problem");
    what.setId("startup-problem");
    what.setMaxWidth(900);
    Label technical = TillControls.text(texts.of("ui.startup.detail", detail), "hint");
    technical.setMaxWidth(900);
    Button close = TillControls.button(texts, "ui.startup.quit", MaterialDesignC.CLOSE_THICK, null);
    close.setOnAction(e -> quit.run());
    root.getChildren()
        .addAll(
            TillControls.icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE, 72),
            title,
            what,
            technical,
            close);
  }

  public Parent node() {
    return root;
  }
}
