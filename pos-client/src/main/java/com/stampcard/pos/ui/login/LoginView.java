package com.stampcard.pos.ui.login;

import com.stampcard.core.i18n.Messages;
import com.stampcard.pos.ui.controls.TillControls;
import com.stampcard.pos.ui.i18n.Texts;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** The login screen: names to tap (or an id to type), a PIN with a keypad, the language. */
public final class LoginView {
  private final LoginViewModel vm;
  private final Texts texts;
  private final StackPane root = new StackPane();
  private final FlowPane names = new FlowPane(16, 16);
  private final ToggleGroup nameGroup = new ToggleGroup();
  private final TextField idField = new TextField();
  private final PasswordField pinField = new PasswordField();

  public LoginView(LoginViewModel vm, Texts texts) {
    this.vm = vm;
    this.texts = texts;
    build();
  }

  public Node node() {
    return root;
  }

  /** Puts the keyboard in the right place: the PIN when a name is picked, else the id. */
  public void focus() {
    if (vm.staffIdProperty().get().isBlank()) {
      idField.requestFocus();
    } else {
      pinField.requestFocus();
    }
  }

  private void build() {
    root.getStyleClass().addAll("screen", "login-screen");

    Label who = TillControls.text(texts.of("ui.login.who"), "screen-title");
    names.getStyleClass().add("staff-names");
    names.setPrefWrapLength(640);
    vm.staff().addListener((ListChangeListener<StaffChoice>) c -> drawNames());
    drawNames();

    idField.setId("staff-id");
    idField.getStyleClass().add("big-field");
    idField.promptTextProperty().bind(texts.of("ui.login.id-prompt"));
    idField.textProperty().bindBidirectional(vm.staffIdProperty());
    idField.setOnAction(e -> pinField.requestFocus());
    vm.staffIdProperty()
        .addListener(
            (o, before, now) ->
                nameGroup.getToggles().forEach(t -> t.setSelected(now.equals(t.getUserData()))));
    Label orType = TillControls.text(texts.of("ui.login.or-type-id"), "hint");

    VBox left = new VBox(20, who, names, orType, idField);
    left.setPrefWidth(660);

    Label pinTitle = TillControls.text(texts.of("ui.login.pin"), "screen-title");
    pinField.setId("pin");
    pinField.getStyleClass().addAll("big-field", "pin-field");
    pinField.textProperty().bindBidirectional(vm.pinProperty());
    pinField.setOnAction(e -> vm.logIn());
    pinField.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            vm.pinProperty().set("");
          }
        });

    GridPane keypad = new GridPane();
    keypad.getStyleClass().add("keypad");
    keypad.setHgap(12);
    keypad.setVgap(12);
    for (int d = 1; d <= 9; d++) {
      keypad.add(digit((char) ('0' + d)), (d - 1) % 3, (d - 1) / 3);
    }
    Button back = new Button();
    back.setGraphic(TillControls.icon(MaterialDesignB.BACKSPACE_OUTLINE, 32));
    back.accessibleTextProperty().bind(texts.of("ui.login.backspace"));
    back.setId("pin-backspace");
    back.getStyleClass().add("keypad-key");
    back.setFocusTraversable(false);
    back.setOnAction(e -> vm.pinBackspace());
    keypad.add(back, 0, 3);
    keypad.add(digit('0'), 1, 3);
    Button logIn = TillControls.button(texts, "ui.login.log-in", MaterialDesignL.LOGIN, "Enter");
    logIn.setId("log-in");
    logIn.getStyleClass().addAll("log-in", "accent");
    logIn.setMaxWidth(Double.MAX_VALUE);
    logIn.disableProperty().bind(vm.canLogInProperty().not());
    logIn.setOnAction(e -> vm.logIn());
    Button clear = new Button("C");
    clear.setId("pin-clear");
    clear.getStyleClass().addAll("keypad-key", "keypad-digit");
    clear.setFocusTraversable(false);
    clear.setOnAction(e -> vm.pinProperty().set(""));
    keypad.add(clear, 2, 3);

    Label problem = TillControls.text(texts.of(vm.problemProperty()), "problem");
    problem.setId("login-problem");
    problem.visibleProperty().bind(vm.problemProperty().isNotNull());
    problem.managedProperty().bind(problem.visibleProperty());
    Label checking = TillControls.text(texts.of("ui.login.checking"), "hint");
    checking.setId("login-checking");
    checking.visibleProperty().bind(vm.busyProperty());

    VBox right = new VBox(16, pinTitle, pinField, keypad, logIn, checking);
    right.setAlignment(Pos.TOP_CENTER);
    right.setPrefWidth(420);

    HBox columns = new HBox(48, left, right);
    columns.setAlignment(Pos.TOP_CENTER);
    HBox.setHgrow(left, Priority.ALWAYS);

    HBox languages = new HBox(12);
    languages.setAlignment(Pos.CENTER_LEFT);
    languages.getChildren().add(TillControls.icon(MaterialDesignT.TRANSLATE, 28));
    ToggleGroup langGroup = new ToggleGroup();
    for (Locale l : Messages.SUPPORTED) {
      ToggleButton b =
          new ToggleButton(
              l.getDisplayLanguage(l).substring(0, 1).toUpperCase(l)
                  + l.getDisplayLanguage(l).substring(1));
      b.setId("language-" + l.getLanguage());
      b.getStyleClass().add("language-button");
      b.setToggleGroup(langGroup);
      b.setFocusTraversable(false);
      b.setSelected(texts.locale().equals(l));
      b.setOnAction(
          e -> {
            texts.use(l);
            b.setSelected(true);
          });
      texts.localeProperty().addListener((o, before, now) -> b.setSelected(now.equals(l)));
      languages.getChildren().add(b);
    }

    VBox page = new VBox(28, columns, problem, TillControls.grow(), languages);
    page.getStyleClass().add("page");
    root.getChildren().add(page);
  }

  private Button digit(char d) {
    Button b = new Button(String.valueOf(d));
    b.setId("pin-key-" + d);
    b.getStyleClass().addAll("keypad-key", "keypad-digit");
    b.setFocusTraversable(false);
    b.setOnAction(e -> vm.pinDigit(d));
    return b;
  }

  private void drawNames() {
    names.getChildren().clear();
    nameGroup.getToggles().clear();
    for (StaffChoice s : vm.staff()) {
      ToggleButton b = new ToggleButton(s.name());
      b.setId("staff-" + s.id());
      b.setUserData(s.id());
      b.setGraphic(TillControls.icon(MaterialDesignA.ACCOUNT_CIRCLE, 36));
      b.getStyleClass().add("staff-name");
      b.setToggleGroup(nameGroup);
      b.setSelected(s.id().equals(vm.staffIdProperty().get()));
      b.setOnAction(
          e -> {
            vm.pick(s);
            b.setSelected(true);
            pinField.requestFocus();
          });
      names.getChildren().add(b);
    }
  }
}
