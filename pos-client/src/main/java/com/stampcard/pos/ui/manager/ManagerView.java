package com.stampcard.pos.ui.manager;

import com.stampcard.core.ledger.EventType;
import com.stampcard.core.redeem.Reason;
import com.stampcard.core.till.CashierFigures;
import com.stampcard.core.till.ReviewItem;
import com.stampcard.pos.ui.controls.TillControls;
import com.stampcard.pos.ui.i18n.Msg;
import com.stampcard.pos.ui.i18n.Texts;
import com.stampcard.pos.ui.manager.ManagerViewModel.Section;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The manager's area over the counter: the PIN first, then the review and the day's figures. Binds
 * and delegates; {@link ManagerViewModel} holds the state. UI thread.
 */
public final class ManagerView {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm");

  private final ManagerViewModel vm;
  private final Texts texts;
  private final ZoneId zone;
  private final StackPane root = new StackPane();
  private final GridPane figures = new GridPane();

  public ManagerView(ManagerViewModel vm, Texts texts, ZoneId zone) {
    this.vm = vm;
    this.texts = texts;
    this.zone = zone;
    build();
  }

  public Node node() {
    return root;
  }

  private void build() {
    root.setId("manager-area");
    root.getStyleClass().addAll("screen", "manager-area");
    root.visibleProperty().bind(vm.openProperty());
    root.managedProperty().bind(vm.openProperty());
    Node pin = pinPanel();
    Node area = area();
    pin.visibleProperty().bind(vm.managerProperty().isNull());
    area.visibleProperty().bind(vm.managerProperty().isNotNull());
    root.getChildren().addAll(pin, area);
    root.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            vm.close();
          }
        });
  }

  private Node pinPanel() {
    Label title = TillControls.text(texts.of("ui.manager-area.title"), "screen-title");
    Label who = TillControls.text(texts.of("ui.manager-area.who"), "hint");
    TextField id = new TextField();
    id.setId("manager-area-id");
    id.getStyleClass().add("big-field");
    id.promptTextProperty().bind(texts.of("ui.manager.id"));
    id.textProperty().bindBidirectional(vm.managerIdProperty());
    PasswordField pin = new PasswordField();
    pin.setId("manager-area-pin");
    pin.getStyleClass().add("big-field");
    pin.promptTextProperty().bind(texts.of("ui.manager.pin"));
    pin.textProperty().bindBidirectional(vm.pinProperty());
    pin.setOnAction(e -> vm.logIn());
    Label problem = TillControls.text(texts.of(vm.problemProperty()), "problem");
    problem.setId("manager-area-problem");
    problem.visibleProperty().bind(vm.problemProperty().isNotNull());
    problem.managedProperty().bind(problem.visibleProperty());
    Button open =
        TillControls.button(texts, "ui.manager-area.log-in", MaterialDesignS.SHIELD_ACCOUNT, null);
    open.setId("manager-area-log-in");
    open.setDefaultButton(true);
    open.disableProperty().bind(vm.busyProperty());
    open.setOnAction(e -> vm.logIn());
    Button back = backButton("manager-area-cancel");
    HBox buttons = new HBox(16, open, back);
    VBox box = new VBox(18, title, who, id, pin, problem, buttons);
    box.setMaxWidth(560);
    box.getStyleClass().add("page");
    StackPane.setAlignment(box, Pos.CENTER);
    return box;
  }

  private Button backButton(String id) {
    Button back =
        TillControls.button(texts, "ui.manager-area.back", MaterialDesignA.ARROW_LEFT, "Esc");
    back.setId(id);
    back.setOnAction(e -> vm.close());
    return back;
  }

  private Node area() {
    Label who =
        TillControls.text(
            texts.of(
                Bindings.createObjectBinding(
                    () ->
                        vm.managerProperty().get() == null
                            ? null
                            : Msg.of(
                                "ui.manager-area.signed-in", vm.managerProperty().get().name()),
                    vm.managerProperty())),
            "screen-title");
    who.setId("manager-area-who");
    Button reviewButton = sectionButton("section-review", "ui.manager-area.review", Section.REVIEW);
    Button figuresButton =
        sectionButton("section-figures", "ui.manager-area.figures", Section.FIGURES);
    Button cardsButton = sectionButton("section-cards", "ui.manager-area.cards", Section.CARDS);
    Button back = backButton("manager-area-close");
    HBox top =
        new HBox(16, who, TillControls.grow(), reviewButton, figuresButton, cardsButton, back);
    top.setAlignment(Pos.CENTER_LEFT);
    Node review = reviewSection();
    Node day = figuresSection();
    Node cards = cardsSection();
    review.visibleProperty().bind(vm.sectionProperty().isEqualTo(Section.REVIEW));
    day.visibleProperty().bind(vm.sectionProperty().isEqualTo(Section.FIGURES));
    cards.visibleProperty().bind(vm.sectionProperty().isEqualTo(Section.CARDS));
    BorderPane area = new BorderPane();
    area.getStyleClass().add("page");
    area.setTop(top);
    StackPane sections = new StackPane(review, day, cards);
    BorderPane.setMargin(sections, new javafx.geometry.Insets(20, 0, 0, 0));
    area.setCenter(sections);
    return area;
  }

  private Button sectionButton(String id, String key, Section section) {
    Button b =
        TillControls.button(
            texts,
            key,
            switch (section) {
              case REVIEW -> MaterialDesignC.CLIPBOARD_CHECK;
              case FIGURES -> MaterialDesignC.CHART_BAR;
              case CARDS -> MaterialDesignC.CARD_ACCOUNT_DETAILS;
            },
            null);
    b.setId(id);
    b.setOnAction(e -> vm.sectionProperty().set(section));
    vm.sectionProperty()
        .addListener(
            (o, was, now) ->
                b.pseudoClassStateChanged(
                    javafx.css.PseudoClass.getPseudoClass("selected"), now == section));
    b.pseudoClassStateChanged(
        javafx.css.PseudoClass.getPseudoClass("selected"), vm.sectionProperty().get() == section);
    return b;
  }

  // --- the review ---

  private Node reviewSection() {
    Label hint = TillControls.text(texts.of("ui.manager-area.review-hint"), "hint");
    ListView<ReviewItem> list = new ListView<>(vm.items());
    list.setId("review-list");
    list.setCellFactory(v -> new ReviewCell());
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, now) -> vm.selectedProperty().set(now));
    vm.selectedProperty()
        .addListener(
            (o, was, now) -> {
              if (now != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(now);
              }
            });
    Label empty = TillControls.text(texts.of("ui.manager-area.no-redemptions"), "hint");
    list.setPlaceholder(empty);
    VBox.setVgrow(list, Priority.ALWAYS);
    TextField reason = new TextField();
    reason.setId("void-reason");
    reason.getStyleClass().add("big-field");
    reason.promptTextProperty().bind(texts.of("ui.manager-area.void-reason"));
    reason.textProperty().bindBidirectional(vm.voidReasonProperty());
    HBox.setHgrow(reason, Priority.ALWAYS);
    reason.setOnAction(e -> vm.voidSelected());
    Button voidButton =
        TillControls.button(texts, "ui.manager-area.void", MaterialDesignC.CANCEL, null);
    voidButton.setId("void-selected");
    voidButton
        .disableProperty()
        .bind(
            vm.busyProperty()
                .or(
                    Bindings.createBooleanBinding(
                        () ->
                            vm.selectedProperty().get() == null
                                || !vm.selectedProperty().get().voidable(),
                        vm.selectedProperty())));
    voidButton.setOnAction(e -> vm.voidSelected());
    HBox voidRow = new HBox(16, reason, voidButton);
    voidRow.setAlignment(Pos.CENTER_LEFT);
    Label message = TillControls.text(texts.of(vm.reviewMessageProperty()), "problem");
    message.setId("review-message");
    message.visibleProperty().bind(vm.reviewMessageProperty().isNotNull());
    message.managedProperty().bind(message.visibleProperty());
    return new VBox(14, hint, list, voidRow, message);
  }

  /** One redemption: its concerns, what it was, who, where and when, the check's reasons. */
  private final class ReviewCell extends ListCell<ReviewItem> {
    @Override
    protected void updateItem(ReviewItem item, boolean empty) {
      super.updateItem(item, empty);
      setText(null);
      if (empty || item == null) {
        setGraphic(null);
        getStyleClass().remove("flagged");
        return;
      }
      Label concerns =
          new Label(
              item.flagged()
                  ? item.concerns().stream()
                      .map(c -> texts.now(Msg.of(c.messageKey())))
                      .collect(Collectors.joining(" · "))
                  : texts.now(Msg.of("ui.manager-area.ok")));
      concerns.getStyleClass().add("review-concerns");
      String what =
          item.event().type() == EventType.VOID
              ? texts.now(
                  Msg.of(
                      "ui.manager-area.void-line",
                      item.programName(),
                      item.event().reason().orElse("")))
              : texts.now(
                  Msg.of(
                      "ui.manager-area.what",
                      item.programName(),
                      texts.now(Msg.of("ui.manager-area.type." + item.event().type().name())),
                      Math.abs(item.event().quantity())));
      Label whatLabel = new Label(what);
      whatLabel.getStyleClass().add("review-what");
      Label who =
          new Label(
              texts.now(
                  Msg.of(
                      "ui.manager-area.line",
                      texts.now(vm.nameOf(item.event().cashier())),
                      item.event().till().value(),
                      WHEN.withLocale(texts.locale())
                          .format(item.event().occurredAt().atZone(zone)))));
      who.getStyleClass().add("hint");
      VBox box = new VBox(2, concerns, whatLabel, who);
      List<Reason> reasons = item.checkReasons();
      if (!reasons.isEmpty()) {
        Label check =
            new Label(
                reasons.stream()
                    .map(r -> texts.now(Msg.of(r.messageKey())))
                    .collect(Collectors.joining(" ")));
        check.setWrapText(true);
        check.getStyleClass().add("hint");
        box.getChildren().add(check);
      }
      item.voidedBy()
          .ifPresent(
              v -> {
                Label voided =
                    new Label(
                        texts.now(Msg.of("ui.manager-area.voided-by", v.reason().orElse(""))));
                voided.getStyleClass().add("hint");
                box.getChildren().add(voided);
              });
      box.setMaxWidth(1100);
      setGraphic(box);
      if (item.flagged()) {
        if (!getStyleClass().contains("flagged")) {
          getStyleClass().add("flagged");
        }
      } else {
        getStyleClass().remove("flagged");
      }
    }
  }

  // --- printed cards ---

  private Node cardsSection() {
    Label issueTitle = TillControls.text(texts.of("ui.manager-area.issue-title"), "field-title");
    Label issueHint = TillControls.text(texts.of("ui.manager-area.issue-hint"), "hint");
    TextField count = new TextField();
    count.setId("cards-count");
    count.getStyleClass().add("big-field");
    count.setPrefColumnCount(4);
    count.textProperty().bindBidirectional(vm.cardCountProperty());
    Button issue =
        TillControls.button(
            texts, "ui.manager-area.issue", MaterialDesignC.CARD_ACCOUNT_DETAILS, null);
    issue.setId("issue-cards");
    issue.disableProperty().bind(vm.busyProperty());
    issue.setOnAction(e -> vm.issueCards());
    HBox issueRow = new HBox(16, count, issue);
    issueRow.setAlignment(Pos.CENTER_LEFT);

    Label linkTitle = TillControls.text(texts.of("ui.manager-area.link-title"), "field-title");
    Label linkHint = TillControls.text(texts.of("ui.manager-area.link-hint"), "hint");
    TextField card = new TextField();
    card.setId("link-card");
    card.getStyleClass().add("big-field");
    card.promptTextProperty().bind(texts.of("ui.manager-area.link-card"));
    card.textProperty().bindBidirectional(vm.linkCardProperty());
    TextField customer = new TextField();
    customer.setId("link-customer");
    customer.getStyleClass().add("big-field");
    customer.promptTextProperty().bind(texts.of("ui.manager-area.link-customer"));
    customer.textProperty().bindBidirectional(vm.linkCustomerProperty());
    HBox.setHgrow(card, Priority.ALWAYS);
    HBox.setHgrow(customer, Priority.ALWAYS);
    Button link =
        TillControls.button(texts, "ui.manager-area.link", MaterialDesignL.LINK_VARIANT, null);
    link.setId("link-cards");
    link.disableProperty().bind(vm.busyProperty());
    link.setOnAction(e -> vm.linkCard());
    HBox linkRow = new HBox(16, card, customer, link);
    linkRow.setAlignment(Pos.CENTER_LEFT);

    Label message = TillControls.text(texts.of(vm.cardsMessageProperty()), "problem");
    message.setId("cards-message");
    message.visibleProperty().bind(vm.cardsMessageProperty().isNotNull());
    message.managedProperty().bind(message.visibleProperty());
    VBox box = new VBox(14, issueTitle, issueHint, issueRow, linkTitle, linkHint, linkRow, message);
    VBox.setMargin(linkTitle, new javafx.geometry.Insets(24, 0, 0, 0));
    return box;
  }

  // --- the day's figures ---

  private Node figuresSection() {
    Label hint = TillControls.text(texts.of("ui.manager-area.figures-hint"), "hint");
    figures.setId("figures");
    figures.getStyleClass().add("figures");
    figures.setHgap(36);
    figures.setVgap(10);
    vm.cashiers().addListener((javafx.collections.ListChangeListener<CashierFigures>) c -> fill());
    vm.totalProperty().addListener((o, was, now) -> fill());
    texts.localeProperty().addListener((o, was, now) -> fill());
    fill();
    return new VBox(18, hint, figures);
  }

  private void fill() {
    figures.getChildren().clear();
    String[] heads = {
      "ui.manager-area.cashier",
      "ui.manager-area.stamps",
      "ui.manager-area.points",
      "ui.manager-area.redemptions",
      "ui.manager-area.new-customers"
    };
    for (int c = 0; c < heads.length; c++) {
      Label head = new Label(texts.now(Msg.of(heads[c])));
      head.getStyleClass().add("field-title");
      figures.add(head, c, 0);
    }
    int row = 1;
    for (CashierFigures f : vm.cashiers()) {
      row(f, row++, false);
    }
    if (vm.cashiers().isEmpty()) {
      Label none = new Label(texts.now(Msg.of("ui.manager-area.no-figures")));
      none.setId("figures-none");
      none.getStyleClass().add("hint");
      figures.add(none, 0, row++, 5, 1);
    } else if (vm.totalProperty().get() != null) {
      row(vm.totalProperty().get(), row, true);
    }
  }

  private void row(CashierFigures f, int row, boolean total) {
    String id = "fig-" + f.cashier().value();
    Label name = new Label(texts.now(vm.nameOf(f.cashier())));
    name.setId(id + "-name");
    figures.add(name, 0, row);
    long[] values = {f.stamps(), f.points(), f.redemptions(), f.newCustomers()};
    String[] parts = {"stamps", "points", "redemptions", "new"};
    for (int i = 0; i < values.length; i++) {
      Label v = new Label(Long.toString(values[i]));
      v.setId(id + "-" + parts[i]);
      figures.add(v, i + 1, row);
    }
    if (total) {
      figures.getChildren().stream()
          .filter(n -> GridPane.getRowIndex(n) == row)
          .forEach(n -> n.getStyleClass().add("figures-total"));
    }
  }
}
