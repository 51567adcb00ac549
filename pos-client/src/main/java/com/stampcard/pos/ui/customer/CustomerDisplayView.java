package com.stampcard.pos.ui.customer;

import com.stampcard.pos.ui.controls.CardPanel;
import com.stampcard.pos.ui.controls.TillControls;
import com.stampcard.pos.ui.customer.CustomerDisplayViewModel.Show;
import com.stampcard.pos.ui.i18n.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignQ;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The screen facing the customer: big, few words, the card filling up. */
public final class CustomerDisplayView {
  private final CustomerDisplayViewModel vm;
  private final Texts texts;
  private final StackPane root = new StackPane();

  public CustomerDisplayView(CustomerDisplayViewModel vm, Texts texts) {
    this.vm = vm;
    this.texts = texts;
    build();
  }

  public Node node() {
    return root;
  }

  private void build() {
    root.getStyleClass().add("customer-display");
    Label shop = new Label();
    shop.textProperty().bind(vm.shopNameProperty());
    shop.getStyleClass().add("customer-shop");

    FontIcon icon = new FontIcon();
    TillControls.size(icon, 120);
    icon.getStyleClass().add("customer-icon");
    icon.iconCodeProperty()
        .bind(
            Bindings.createObjectBinding(
                () ->
                    switch (vm.showProperty().get()) {
                      case IDLE -> MaterialDesignQ.QRCODE;
                      case CARD -> MaterialDesignC.CHECK_CIRCLE;
                      case WELCOME -> MaterialDesignS.STAR_CIRCLE;
                      case REDEEMED -> MaterialDesignG.GIFT;
                    },
                vm.showProperty()));

    Label headline = TillControls.text(texts.of(vm.headlineProperty()), "customer-headline");
    headline.setId("customer-headline");
    CardPanel card = new CardPanel(texts, vm.cardProperty(), 96, true);
    card.getStyleClass().add("customer-card");
    card.visibleProperty().bind(vm.cardProperty().isNotNull());

    VBox box = new VBox(36, shop, icon, headline, card);
    box.setAlignment(Pos.CENTER);
    root.getChildren().add(box);
    vm.showProperty()
        .addListener(
            (o, before, now) -> {
              root.getStyleClass()
                  .removeAll("show-idle", "show-card", "show-welcome", "show-redeemed");
              root.getStyleClass().add(styleOf(now));
            });
    root.getStyleClass().add(styleOf(vm.showProperty().get()));
  }

  private static String styleOf(Show show) {
    return "show-" + show.name().toLowerCase(java.util.Locale.ROOT);
  }
}
