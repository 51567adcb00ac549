package com.stampcard.pos.ui.counter;

import com.stampcard.pos.ui.controls.CameraPreview;
import com.stampcard.pos.ui.controls.CardPanel;
import com.stampcard.pos.ui.controls.TillControls;
import com.stampcard.pos.ui.counter.CounterViewModel.Mode;
import com.stampcard.pos.ui.counter.CounterViewModel.Phase;
import com.stampcard.pos.ui.i18n.Msg;
import com.stampcard.pos.ui.i18n.Texts;
import com.stampcard.pos.ui.shell.TillSession;
import com.stampcard.readers.camera.PreviewFrame;
import java.util.EnumMap;
import java.util.Map;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignQ;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * The counter screen. Stamp mode is the resting state; redeem mode shows itself in another colour
 * and title. Keys: F1 stamp mode, F2 redeem mode, F3 undo, F4 another program, F6 type a code, F9
 * yes / approve, Esc no / cancel, F12 log out.
 */
public final class CounterView {
  /** How long a confirmation stays before it fades. */
  private static final Duration CONFIRMATION = Duration.seconds(6);

  private static final Duration REDEMPTION = Duration.seconds(10);

  private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
  private static final PseudoClass MANAGER = PseudoClass.getPseudoClass("manager");
  private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

  private final CounterViewModel vm;
  private final Texts texts;
  private final TillSession session;
  private final BorderPane root = new BorderPane();
  private final Map<Phase, Node> panels = new EnumMap<>(Phase.class);
  private final StackPane panelStack = new StackPane();
  private final VBox side = new VBox(20);
  private final TextField typedField = new TextField();
  private SequentialTransition fade;
  private Runnable managerArea = () -> {};

  private final CameraPreview camera = new CameraPreview(400);

  public CounterView(CounterViewModel vm, Texts texts, TillSession session) {
    this.vm = vm;
    this.texts = texts;
    this.session = session;
    build();
  }

  public Node node() {
    return root;
  }

  /**
   * Shows the camera's live preview, with its square, at the top of the reader column. UI thread.
   */
  public void showCameraPreview() {
    if (!side.getChildren().contains(camera)) {
      side.getChildren().add(1, camera);
    }
  }

  /** A new camera frame. UI thread. */
  public void cameraPreview(PreviewFrame frame) {
    camera.show(frame);
  }

  /** What the Manager button (F8) opens: the manager's area, after their PIN. */
  public void onManagerArea(Runnable open) {
    this.managerArea = open;
  }

  /** The left column, where the readers (and the camera preview) are shown. */
  public VBox readerColumn() {
    return side;
  }

  private void build() {
    root.getStyleClass().addAll("screen", "counter-screen");
    vm.modeProperty()
        .addListener(
            (o, before, now) -> {
              root.getStyleClass().removeAll("mode-stamp", "mode-redeem");
              root.getStyleClass().add(now == Mode.STAMP ? "mode-stamp" : "mode-redeem");
            });
    root.getStyleClass().add("mode-stamp");

    root.setTop(header());
    root.setCenter(center());
    root.setBottom(footer());
    root.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);

    vm.phaseProperty().addListener((o, before, now) -> show(now));
    show(vm.phaseProperty().get());
  }

  private Node header() {
    Label program = new Label();
    program.setId("counter-program");
    program
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> session.program() == null ? "" : session.program().name(),
                session.programProperty()));
    program.getStyleClass().add("program-title");
    Label modeTitle =
        TillControls.text(
            texts.of(
                Bindings.createObjectBinding(
                    () ->
                        Msg.of(
                            vm.modeProperty().get() == Mode.STAMP
                                ? "ui.counter.mode-stamp"
                                : "ui.counter.mode-redeem"),
                    vm.modeProperty())),
            "mode-title");
    modeTitle.setId("mode-title");
    VBox titles = new VBox(2, program, modeTitle);

    Button stamp = TillControls.button(texts, "ui.counter.stamp", MaterialDesignS.STAMPER, "F1");
    stamp.setId("mode-stamp");
    stamp.getStyleClass().add("mode-button");
    stamp.setOnAction(e -> vm.stampMode());
    Button redeem = TillControls.button(texts, "ui.counter.redeem", MaterialDesignG.GIFT, "F2");
    redeem.setId("mode-redeem");
    redeem.getStyleClass().add("mode-button");
    redeem.setOnAction(e -> vm.redeemMode());
    vm.modeProperty()
        .addListener(
            (o, before, now) -> {
              stamp.pseudoClassStateChanged(SELECTED, now == Mode.STAMP);
              redeem.pseudoClassStateChanged(SELECTED, now == Mode.REDEEM);
            });
    stamp.pseudoClassStateChanged(SELECTED, true);

    HBox header = new HBox(16, titles, TillControls.grow(), stamp, redeem);
    header.setAlignment(Pos.CENTER_LEFT);
    header.getStyleClass().add("counter-header");
    return header;
  }

  private Node center() {
    // The left column: how to read, a typed code, the purchase amount for points.
    Label how =
        TillControls.text(
            texts.of(
                Bindings.createObjectBinding(
                    () ->
                        Msg.of(
                            vm.modeProperty().get() == Mode.STAMP
                                ? "ui.counter.how-stamp"
                                : "ui.counter.how-redeem"),
                    vm.modeProperty())),
            "how-to-read");
    typedField.setId("typed-code");
    typedField.getStyleClass().add("big-field");
    typedField.setPromptText("2900 0000 0001 8");
    typedField.textProperty().bindBidirectional(vm.typedCodeProperty());
    typedField.setOnAction(e -> vm.readTypedCode());
    Button read =
        TillControls.button(texts, "ui.counter.read-typed", MaterialDesignK.KEYBOARD, "F6");
    read.setId("read-typed");
    read.setOnAction(e -> vm.readTypedCode());
    HBox typedRow = new HBox(8, typedField, read);
    HBox.setHgrow(typedField, Priority.ALWAYS);
    read.setMinWidth(Region.USE_PREF_SIZE);
    Label typedTitle = TillControls.text(texts.of("ui.counter.type-code"), "field-title");
    VBox typed = new VBox(6, typedTitle, typedRow);

    TextField amount = new TextField();
    amount.setId("amount");
    amount.getStyleClass().add("big-field");
    amount.promptTextProperty().bind(texts.of("ui.counter.amount-prompt"));
    amount.textProperty().bindBidirectional(vm.amountProperty());
    Label amountTitle = TillControls.text(texts.of("ui.counter.amount"), "field-title");
    VBox amountBox = new VBox(6, amountTitle, amount);
    amountBox.visibleProperty().bind(vm.pointsProgramProperty());
    amountBox.managedProperty().bind(amountBox.visibleProperty());

    side.getChildren().addAll(how, amountBox, TillControls.grow(), typed);
    side.getStyleClass().add("reader-column");
    side.setPrefWidth(420);
    side.setMinWidth(380);
    side.setMaxWidth(420);

    panels.put(Phase.READY, readyPanel());
    panels.put(Phase.GIVEN, givenPanel());
    panels.put(Phase.NOTHING_GIVEN, nothingPanel());
    panels.put(Phase.QUESTION, questionPanel());
    panels.put(Phase.CHECK, checkPanel());
    panels.put(Phase.MANAGER, managerPanel());
    panels.put(Phase.UNDO, undoPanel());
    panels.put(Phase.UNDONE, undonePanel());
    panels
        .values()
        .forEach(
            p -> {
              p.setVisible(false);
              // a hidden panel takes no room, so the shown one and the footer always fit
              p.managedProperty().bind(p.visibleProperty());
            });
    panelStack.getChildren().addAll(panels.values());
    panelStack.getStyleClass().add("card-area");
    panelStack.setMinHeight(0);
    HBox.setHgrow(panelStack, Priority.ALWAYS);

    HBox columns = new HBox(24, side, panelStack);
    columns.getStyleClass().add("counter-columns");

    Node redeemed = redeemedPanel();
    panels.put(Phase.REDEEMED, redeemed);
    redeemed.setVisible(false);
    redeemed.managedProperty().bind(redeemed.visibleProperty());

    VBox withBanner = new VBox(16, banner(), columns);
    VBox.setVgrow(columns, Priority.ALWAYS);
    StackPane center = new StackPane(withBanner, redeemed);
    center.getStyleClass().add("counter-center");
    return center;
  }

  private Node banner() {
    Label text = TillControls.text(texts.of(vm.bannerProperty()), "banner-text");
    text.setId("banner");
    text.setMinWidth(0);
    text.setMaxWidth(Double.MAX_VALUE);
    text.setMinHeight(Region.USE_PREF_SIZE);
    Button close = new Button();
    close.setGraphic(TillControls.icon(MaterialDesignC.CLOSE, 24));
    close.getStyleClass().add("banner-close");
    close.setFocusTraversable(false);
    close.setOnAction(e -> vm.dismissBanner());
    HBox box =
        new HBox(
            16,
            TillControls.icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE, 36),
            text,
            TillControls.grow(),
            close);
    HBox.setHgrow(text, Priority.ALWAYS);
    box.setAlignment(Pos.CENTER_LEFT);
    box.getStyleClass().add("banner");
    box.visibleProperty().bind(vm.bannerProperty().isNotNull());
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  private Node readyPanel() {
    FontIcon scan = TillControls.icon(MaterialDesignQ.QRCODE_SCAN, 140);
    scan.getStyleClass().add("ready-icon");
    Label ready =
        TillControls.text(
            texts.of(
                Bindings.createObjectBinding(
                    () ->
                        Msg.of(
                            vm.modeProperty().get() == Mode.STAMP
                                ? "ui.counter.ready-stamp"
                                : "ui.counter.ready-redeem"),
                    vm.modeProperty())),
            "ready-text");
    ready.setId("ready-text");
    Label last = TillControls.text(texts.of(vm.headlineProperty()), "hint");
    last.setId("last-action");
    VBox box = new VBox(24, scan, ready, last);
    box.setAlignment(Pos.CENTER);
    box.getStyleClass().addAll("panel", "ready-panel");
    return box;
  }

  private Node givenPanel() {
    Label headline = headline(MaterialDesignC.CHECK_CIRCLE, "confirmation-headline");
    Label welcome = TillControls.text(texts.of("stamp.welcome"), "welcome");
    welcome.setId("welcome");
    welcome.visibleProperty().bind(vm.newCustomerProperty());
    welcome.managedProperty().bind(welcome.visibleProperty());
    VBox box =
        new VBox(
            12, headline, welcome, new CardPanel(texts, vm.cardProperty(), 56, false), notes());
    box.setAlignment(Pos.CENTER);
    box.setId("panel-given");
    box.getStyleClass().addAll("panel", "confirmation");
    return box;
  }

  private Node nothingPanel() {
    Label headline = headline(MaterialDesignI.INFORMATION_OUTLINE, "neutral-headline");
    VBox box = new VBox(18, headline, notes(), new CardPanel(texts, vm.cardProperty(), 48, false));
    box.setAlignment(Pos.CENTER);
    box.setId("panel-nothing");
    box.getStyleClass().addAll("panel", "neutral");
    return box;
  }

  private Node questionPanel() {
    Label q = TillControls.text(texts.of(vm.questionProperty()), "question-text");
    q.setId("question");
    Button yes =
        TillControls.button(texts, "ui.counter.stamp-again", MaterialDesignS.STAMPER, "F9");
    yes.setId("stamp-again");
    yes.getStyleClass().add("warning");
    yes.setOnAction(e -> vm.confirmRepeat());
    Button no =
        TillControls.button(texts, "ui.counter.no-stamp", MaterialDesignC.CLOSE_THICK, "Esc");
    no.setId("no-stamp");
    no.setOnAction(e -> vm.declineRepeat());
    HBox buttons = new HBox(16, no, yes);
    buttons.setAlignment(Pos.CENTER);
    VBox box =
        new VBox(
            24,
            TillControls.icon(MaterialDesignA.ALERT_OUTLINE, 64),
            q,
            new CardPanel(texts, vm.cardProperty(), 48, false),
            buttons);
    box.setAlignment(Pos.CENTER);
    box.setId("panel-question");
    box.getStyleClass().addAll("panel", "question");
    return box;
  }

  private Node checkPanel() {
    Label reward = headline(MaterialDesignG.GIFT, "check-headline");
    VBox reasons = new VBox(8);
    reasons.setId("reasons");
    vm.reasons()
        .addListener(
            (ListChangeListener<ReasonLine>)
                c -> {
                  reasons.getChildren().clear();
                  for (ReasonLine r : vm.reasons()) {
                    Label l = new Label();
                    l.textProperty().bind(texts.of(r.text().key(), r.text().args().toArray()));
                    l.setWrapText(true);
                    l.setGraphic(TillControls.icon(reasonIcon(r), 26));
                    l.getStyleClass()
                        .addAll("reason", "reason-" + r.severity().name().toLowerCase());
                    reasons.getChildren().add(l);
                  }
                });
    VBox history = new VBox(4);
    history.setId("history");
    Label historyTitle = TillControls.text(texts.of("ui.redeem.history"), "field-title");
    vm.history()
        .addListener(
            (ListChangeListener<Msg>)
                c -> {
                  history.getChildren().setAll(historyTitle);
                  for (Msg m : vm.history()) {
                    Label l = new Label();
                    l.textProperty()
                        .bind(texts.of(new javafx.beans.property.SimpleObjectProperty<>(m)));
                    l.getStyleClass().add("history-line");
                    history.getChildren().add(l);
                  }
                });
    Label verdict = TillControls.text(texts.of(vm.verdictProperty()), "verdict");
    verdict.setId("verdict");
    vm.verdictProperty()
        .addListener(
            (o, b, now) -> {
              verdict.pseudoClassStateChanged(REFUSED, !vm.approvableProperty().get());
              verdict.pseudoClassStateChanged(MANAGER, vm.managerNeededProperty().get());
            });

    Button approve =
        TillControls.button(texts, "ui.redeem.approve", MaterialDesignC.CHECK_BOLD, "F9");
    approve.setId("approve");
    approve.getStyleClass().add("success");
    approve.disableProperty().bind(vm.approvableProperty().not());
    approve.setOnAction(e -> vm.approve());
    Button cancel =
        TillControls.button(texts, "ui.redeem.cancel", MaterialDesignC.CLOSE_THICK, "Esc");
    cancel.setId("cancel-redeem");
    cancel.setOnAction(e -> vm.cancelRedemption());
    HBox buttons = new HBox(16, cancel, approve);
    buttons.setAlignment(Pos.CENTER_RIGHT);

    VBox left = new VBox(16, reward, new CardPanel(texts, vm.cardProperty(), 44, false));
    left.setAlignment(Pos.TOP_CENTER);
    VBox right = new VBox(16, verdict, reasons, history);
    right.setPrefWidth(360);
    HBox body = new HBox(24, left, right);
    HBox.setHgrow(left, Priority.ALWAYS);
    VBox box = new VBox(16, body, TillControls.grow(), buttons);
    box.setId("panel-check");
    box.getStyleClass().addAll("panel", "check");
    return box;
  }

  private static Ikon reasonIcon(ReasonLine r) {
    return switch (r.severity()) {
      case INFO -> MaterialDesignI.INFORMATION_OUTLINE;
      case MANAGER -> MaterialDesignS.SHIELD_ACCOUNT;
      case REFUSE -> MaterialDesignC.CLOSE_OCTAGON_OUTLINE;
    };
  }

  private Node managerPanel() {
    Label title = TillControls.text(texts.of("ui.manager.title"), "check-headline");
    Label why = TillControls.text(texts.of("ui.manager.why"), "hint");
    TextField id = new TextField();
    id.setId("manager-id");
    id.getStyleClass().add("big-field");
    id.promptTextProperty().bind(texts.of("ui.manager.id"));
    id.textProperty().bindBidirectional(vm.managerIdProperty());
    PasswordField pin = new PasswordField();
    pin.setId("manager-pin");
    pin.getStyleClass().add("big-field");
    pin.promptTextProperty().bind(texts.of("ui.manager.pin"));
    pin.textProperty().bindBidirectional(vm.managerPinProperty());
    id.setOnAction(e -> pin.requestFocus());
    pin.setOnAction(e -> vm.approveAsManager());
    Label problem = TillControls.text(texts.of(vm.managerProblemProperty()), "problem");
    problem.setId("manager-problem");
    problem.setMaxWidth(Double.MAX_VALUE);
    why.setMaxWidth(520);
    why.setMinHeight(Region.USE_PREF_SIZE);
    problem.visibleProperty().bind(vm.managerProblemProperty().isNotNull());

    Button approve =
        TillControls.button(texts, "ui.manager.approve", MaterialDesignS.SHIELD_CHECK, "F9");
    approve.setId("manager-approve");
    approve.getStyleClass().add("success");
    approve.disableProperty().bind(vm.busyProperty());
    approve.setOnAction(e -> vm.approveAsManager());
    Button cancel =
        TillControls.button(texts, "ui.redeem.cancel", MaterialDesignC.CLOSE_THICK, "Esc");
    cancel.setId("manager-cancel");
    cancel.setOnAction(e -> vm.cancelRedemption());
    HBox buttons = new HBox(16, cancel, approve);
    buttons.setAlignment(Pos.CENTER_RIGHT);

    VBox fields = new VBox(14, id, pin, problem);
    fields.setMaxWidth(520);
    VBox box =
        new VBox(
            18,
            TillControls.icon(MaterialDesignS.SHIELD_ACCOUNT, 64),
            title,
            why,
            fields,
            TillControls.grow(),
            buttons);
    box.setAlignment(Pos.TOP_CENTER);
    box.setId("panel-manager");
    box.getStyleClass().addAll("panel", "check");
    box.visibleProperty()
        .addListener(
            (o, b, now) -> {
              if (now) {
                id.requestFocus();
              }
            });
    return box;
  }

  private Node redeemedPanel() {
    Label headline = headline(MaterialDesignG.GIFT, "redeemed-headline");
    Label next = TillControls.text(texts.of("ui.redeem.next-card"), "hint-big");
    VBox box =
        new VBox(24, headline, notes(), new CardPanel(texts, vm.cardProperty(), 56, false), next);
    box.setAlignment(Pos.CENTER);
    box.setId("panel-redeemed");
    box.getStyleClass().addAll("panel", "redeemed");
    box.setOnMouseClicked(e -> vm.settle());
    return box;
  }

  private Node undoPanel() {
    Label title = TillControls.text(texts.of("ui.undo.title"), "check-headline");
    FlowPane presets = new FlowPane(12, 12);
    for (String key : CounterViewModel.presetUndoReasonKeys()) {
      Button b = new Button();
      b.textProperty().bind(texts.of(key));
      b.getStyleClass().add("preset-reason");
      b.setOnAction(e -> vm.undoReasonProperty().set(texts.now(Msg.of(key))));
      presets.getChildren().add(b);
    }
    TextField reason = new TextField();
    reason.setId("undo-reason");
    reason.getStyleClass().add("big-field");
    reason.promptTextProperty().bind(texts.of("ui.undo.reason"));
    reason.textProperty().bindBidirectional(vm.undoReasonProperty());
    reason.setOnAction(e -> vm.undo());
    Button undo = TillControls.button(texts, "ui.undo.do", MaterialDesignU.UNDO, "F9");
    undo.setId("undo-confirm");
    undo.getStyleClass().add("danger");
    undo.disableProperty().bind(vm.canUndoProperty().not());
    undo.setOnAction(e -> vm.undo());
    Button cancel =
        TillControls.button(texts, "ui.redeem.cancel", MaterialDesignC.CLOSE_THICK, "Esc");
    cancel.setOnAction(e -> vm.cancelUndo());
    HBox buttons = new HBox(16, cancel, undo);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    VBox box =
        new VBox(
            18,
            TillControls.icon(MaterialDesignU.UNDO, 56),
            title,
            presets,
            reason,
            TillControls.grow(),
            buttons);
    box.setAlignment(Pos.TOP_CENTER);
    box.setId("panel-undo");
    box.getStyleClass().addAll("panel", "undo");
    box.visibleProperty()
        .addListener(
            (o, b, now) -> {
              if (now) {
                reason.requestFocus();
              }
            });
    return box;
  }

  private Node undonePanel() {
    Label headline = headline(MaterialDesignU.UNDO, "neutral-headline");
    VBox box = new VBox(18, headline, new CardPanel(texts, vm.cardProperty(), 48, false));
    box.setAlignment(Pos.CENTER);
    box.setId("panel-undone");
    box.getStyleClass().addAll("panel", "neutral");
    return box;
  }

  private Label headline(Ikon ikon, String styleClass) {
    Label l = TillControls.text(texts.of(vm.headlineProperty()), styleClass);
    l.setGraphic(TillControls.icon(ikon, 48));
    l.getStyleClass().add("headline");
    return l;
  }

  private Node notes() {
    VBox box = new VBox(4);
    box.setAlignment(Pos.CENTER);
    vm.notes()
        .addListener(
            (ListChangeListener<Msg>)
                c -> {
                  box.getChildren().clear();
                  for (Msg m : vm.notes()) {
                    Label l = new Label();
                    l.textProperty().bind(texts.of(m.key(), m.args().toArray()));
                    l.getStyleClass().add("note");
                    box.getChildren().add(l);
                  }
                });
    return box;
  }

  private Node footer() {
    Label cashier = new Label();
    cashier.setId("cashier-name");
    cashier.setGraphic(TillControls.icon(MaterialDesignA.ACCOUNT_CIRCLE, 28));
    cashier
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> session.cashier() == null ? "" : session.cashier().name(),
                session.cashierProperty()));
    cashier.getStyleClass().add("cashier-name");

    Button undo = TillControls.button(texts, "ui.counter.undo", MaterialDesignU.UNDO, "F3");
    undo.setId("undo");
    undo.setOnAction(e -> vm.startUndo());
    Button program =
        TillControls.button(
            texts, "ui.counter.change-program", MaterialDesignS.SWAP_HORIZONTAL, "F4");
    program.setId("change-program");
    program.setOnAction(e -> vm.changeProgram());
    Button logOut = TillControls.button(texts, "ui.counter.log-out", MaterialDesignL.LOGOUT, "F12");
    logOut.setId("log-out");
    logOut.setOnAction(e -> vm.logOut());
    Button manager =
        TillControls.button(texts, "ui.counter.manager", MaterialDesignS.SHIELD_ACCOUNT, "F8");
    manager.setId("open-manager");
    manager.setOnAction(e -> managerArea.run());
    HBox footer = new HBox(16, cashier, TillControls.grow(), undo, program, manager, logOut);
    footer.setAlignment(Pos.CENTER_LEFT);
    footer.getStyleClass().add("counter-footer");
    return footer;
  }

  private void show(Phase phase) {
    if (fade != null) {
      fade.stop();
    }
    panels.forEach(
        (p, node) -> {
          node.setVisible(p == phase);
          node.setOpacity(1);
        });
    Node shown = panels.get(phase);
    Duration stay =
        switch (phase) {
          case GIVEN, NOTHING_GIVEN, UNDONE -> CONFIRMATION;
          case REDEEMED -> REDEMPTION;
          default -> null;
        };
    if (stay != null) {
      FadeTransition out = new FadeTransition(Duration.millis(600), shown);
      out.setToValue(0);
      fade = new SequentialTransition(new PauseTransition(stay), out);
      fade.setOnFinished(e -> vm.settle());
      fade.play();
    }
  }

  private void keys(KeyEvent e) {
    KeyCode code = e.getCode();
    boolean handled = true;
    switch (code) {
      case F1 -> vm.stampMode();
      case F2 -> vm.redeemMode();
      case F3 -> vm.startUndo();
      case F4 -> vm.changeProgram();
      case F6 -> typedField.requestFocus();
      case F8 -> managerArea.run();
      case F9 -> yes();
      case ESCAPE -> vm.cancel();
      case F12 -> vm.logOut();
      default -> handled = false;
    }
    if (handled) {
      e.consume();
    }
  }

  private void yes() {
    switch (vm.phaseProperty().get()) {
      case QUESTION -> vm.confirmRepeat();
      case CHECK -> vm.approve();
      case MANAGER -> vm.approveAsManager();
      case UNDO -> vm.undo();
      default -> {}
    }
  }
}
