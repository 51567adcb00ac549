package com.stampcard.pos.ui.controls;

import com.stampcard.pos.ui.i18n.Msg;
import com.stampcard.pos.ui.i18n.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/**
 * A card as a customer knows it: the stamps (or the points and a bar to the next reward), the
 * count, and what is still to go. Shown on the till and, bigger, on the customer display.
 */
public final class CardPanel extends VBox {
  public CardPanel(Texts texts, ObservableValue<CardFace> card, double stampSize, boolean animate) {
    super(stampSize * 0.3);
    getStyleClass().add("card-panel");
    setAlignment(Pos.CENTER);

    StampGrid grid = new StampGrid(stampSize);
    grid.animateProperty().set(animate);
    grid.cardProperty().bind(card);
    grid.visibleProperty()
        .bind(Bindings.createBooleanBinding(() -> face(card) != null && face(card).stamps(), card));
    grid.managedProperty().bind(grid.visibleProperty());

    ProgressBar toReward = new ProgressBar();
    toReward.getStyleClass().add("points-bar");
    toReward.setPrefWidth(stampSize * 9);
    toReward
        .progressProperty()
        .bind(
            Bindings.createDoubleBinding(
                () -> {
                  CardFace f = face(card);
                  if (f == null || f.stamps()) {
                    return 0.0;
                  }
                  return f.full() || f.nextRewardAt() == 0
                      ? 1.0
                      : Math.min(1.0, (double) f.points() / f.nextRewardAt());
                },
                card));
    toReward
        .visibleProperty()
        .bind(
            Bindings.createBooleanBinding(() -> face(card) != null && !face(card).stamps(), card));
    toReward.managedProperty().bind(toReward.visibleProperty());

    Label count =
        TillControls.text(
            texts.of(Bindings.createObjectBinding(() -> msg(card, true), card)), "card-count");
    count.setId("card-count");
    Label toGo =
        TillControls.text(
            texts.of(Bindings.createObjectBinding(() -> msg(card, false), card)), "card-to-go");
    toGo.setId("card-to-go");
    getChildren().addAll(grid, toReward, count, toGo);
  }

  private static CardFace face(ObservableValue<CardFace> card) {
    return card.getValue();
  }

  private static Msg msg(ObservableValue<CardFace> card, boolean count) {
    CardFace f = card.getValue();
    if (f == null) {
      return null;
    }
    return count ? f.count() : f.toGo();
  }
}
