package com.stampcard.pos.ui.program;

import com.stampcard.core.program.Program;
import com.stampcard.core.program.ProgramKind;
import com.stampcard.pos.ui.controls.TillControls;
import com.stampcard.pos.ui.i18n.Texts;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/** The program choice: one big button per program, numbered for the keyboard. */
public final class ProgramChoiceView {
  private final ProgramChoiceViewModel vm;
  private final Texts texts;
  private final StackPane root = new StackPane();
  private final VBox list = new VBox(16);

  public ProgramChoiceView(ProgramChoiceViewModel vm, Texts texts) {
    this.vm = vm;
    this.texts = texts;
    build();
  }

  public Node node() {
    return root;
  }

  private void build() {
    root.getStyleClass().addAll("screen", "program-screen");
    Label title = TillControls.text(texts.of("ui.programs.title"), "screen-title");
    list.setAlignment(Pos.TOP_LEFT);
    list.setMaxWidth(720);
    vm.programs().addListener((ListChangeListener<Program>) c -> draw());
    Label problem = TillControls.text(texts.of(vm.problemProperty()), "problem");
    problem.setId("programs-problem");
    problem.visibleProperty().bind(vm.problemProperty().isNotNull());
    problem.managedProperty().bind(problem.visibleProperty());

    Button logOut = TillControls.button(texts, "ui.counter.log-out", MaterialDesignL.LOGOUT, "F12");
    logOut.setId("log-out");
    logOut.setOnAction(e -> vm.logOut());
    HBox bottom = new HBox(logOut);
    bottom.setAlignment(Pos.CENTER_RIGHT);

    VBox page = new VBox(28, title, list, problem, TillControls.grow(), bottom);
    page.getStyleClass().add("page");
    root.getChildren().add(page);
    root.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode().isDigitKey()) {
            vm.chooseNumber(e.getCode().getCode() - KeyCode.DIGIT0.getCode());
            e.consume();
          } else if (e.getCode() == KeyCode.F12) {
            vm.logOut();
            e.consume();
          }
        });
  }

  private void draw() {
    list.getChildren().clear();
    int n = 1;
    for (Program p : vm.programs()) {
      Button b = new Button();
      b.setId("program-" + p.id().value());
      b.getStyleClass().addAll("till-button", "program-button");
      b.setMaxWidth(Double.MAX_VALUE);
      b.setMinHeight(104);
      b.setPrefHeight(104);
      b.setMaxHeight(104);
      Label number = new Label(String.valueOf(n));
      number.getStyleClass().add("program-number");
      Label name = new Label(p.name());
      name.getStyleClass().add("program-name");
      Label kind =
          TillControls.text(
              texts.of(
                  p.kind() == ProgramKind.STAMPS ? "ui.programs.stamps" : "ui.programs.points",
                  p.reward()),
              "hint");
      kind.setWrapText(false);
      VBox words = new VBox(4, name, kind);
      words.setAlignment(Pos.CENTER_LEFT);
      HBox content =
          new HBox(
              20,
              number,
              TillControls.icon(
                  p.kind() == ProgramKind.STAMPS
                      ? MaterialDesignS.STAMPER
                      : MaterialDesignW.WALLET_GIFTCARD,
                  40),
              words);
      content.setAlignment(Pos.CENTER_LEFT);
      b.setGraphic(content);
      b.setOnAction(e -> vm.choose(p));
      list.getChildren().add(b);
      n++;
    }
    if (!list.getChildren().isEmpty()) {
      list.getChildren().get(0).requestFocus();
    }
  }
}
