package com.stampcard.pos.ui.controls;

import com.stampcard.pos.ui.i18n.Texts;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The till's building blocks, so every screen looks alike: big buttons with an icon, a text and the
 * key that presses them, and a calm banner.
 */
public final class TillControls {
  private TillControls() {}

  public static FontIcon icon(Ikon ikon, int size) {
    FontIcon icon = new FontIcon(ikon);
    size(icon, size);
    return icon;
  }

  /** Sizes an icon; inline, because the theme's stylesheet would override a plain setter. */
  public static void size(FontIcon icon, int size) {
    String style = icon.getStyle() == null ? "" : icon.getStyle();
    icon.setStyle(
        style
            + (style.isBlank() || style.endsWith(";") ? "" : ";")
            + "-fx-icon-size: "
            + size
            + "px;");
  }

  /**
   * A big button: icon, text and, small beneath, its key ("F2").
   *
   * @param keyHint the key that presses it, or null
   */
  public static Button button(Texts texts, String key, Ikon ikon, String keyHint) {
    Button b = new Button();
    b.getStyleClass().add("till-button");
    Label text = new Label();
    text.textProperty().bind(texts.of(key));
    text.getStyleClass().add("till-button-text");
    VBox body = new VBox(2, text);
    body.setAlignment(Pos.CENTER_LEFT);
    if (keyHint != null) {
      Label hint = new Label(keyHint);
      hint.getStyleClass().add("key-hint");
      body.getChildren().add(hint);
    }
    HBox content = new HBox(12);
    content.setAlignment(Pos.CENTER);
    if (ikon != null) {
      content.getChildren().add(icon(ikon, 28));
    }
    content.getChildren().add(body);
    b.setGraphic(content);
    b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    b.accessibleTextProperty().bind(text.textProperty());
    return b;
  }

  /** A label whose text follows a message. */
  public static Label text(ObservableValue<String> text, String... styleClasses) {
    Label l = new Label();
    l.textProperty().bind(text);
    l.setWrapText(true);
    l.getStyleClass().addAll(styleClasses);
    return l;
  }

  public static Region grow() {
    Region r = new Region();
    HBox.setHgrow(r, Priority.ALWAYS);
    VBox.setVgrow(r, Priority.ALWAYS);
    return r;
  }
}
