package com.stampcard.pos.ui.controls;

import javafx.animation.ScaleTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * A stamp card drawn as the paper one: a grid of circles, filled for each stamp. Up to ten stamps
 * sit in rows of five; longer cards in rows of ten. With {@link #animateProperty()} on, stamps that
 * were added since the last card pop in (the customer display).
 */
public final class StampGrid extends GridPane {
  private final ObjectProperty<CardFace> card = new SimpleObjectProperty<>();
  private final BooleanProperty animate = new SimpleBooleanProperty();
  private final double size;
  private CardFace shown;

  public StampGrid(double size) {
    this.size = size;
    getStyleClass().add("stamp-grid");
    setAlignment(Pos.CENTER);
    setHgap(size * 0.25);
    setVgap(size * 0.25);
    card.addListener((o, before, now) -> draw(now));
  }

  public ObjectProperty<CardFace> cardProperty() {
    return card;
  }

  public BooleanProperty animateProperty() {
    return animate;
  }

  private void draw(CardFace face) {
    getChildren().clear();
    if (face == null || !face.stamps()) {
      shown = face;
      return;
    }
    int perRow = face.stampsRequired() <= 10 ? Math.min(5, face.stampsRequired()) : 10;
    int before =
        shown != null && shown.stamps() && shown.programName().equals(face.programName())
            ? shown.stampsOnCard()
            : 0;
    for (int i = 0; i < face.stampsRequired(); i++) {
      boolean filled = i < face.stampsOnCard();
      StackPane stamp = new StackPane();
      stamp.getStyleClass().addAll("stamp", filled ? "stamp-filled" : "stamp-empty");
      stamp.setMinSize(size, size);
      stamp.setPrefSize(size, size);
      stamp.setMaxSize(size, size);
      if (filled) {
        FontIcon check = new FontIcon(MaterialDesignC.CHECK_BOLD);
        TillControls.size(check, (int) (size * 0.55));
        check.getStyleClass().add("stamp-check");
        stamp.getChildren().add(check);
        if (animate.get() && i >= before) {
          ScaleTransition pop = new ScaleTransition(Duration.millis(350), stamp);
          stamp.setScaleX(0.2);
          stamp.setScaleY(0.2);
          pop.setToX(1);
          pop.setToY(1);
          pop.setDelay(Duration.millis(120L * (i - before)));
          pop.play();
        }
      }
      add(stamp, i % perRow, i / perRow);
    }
    shown = face;
  }
}
