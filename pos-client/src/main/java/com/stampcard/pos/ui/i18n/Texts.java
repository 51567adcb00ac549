package com.stampcard.pos.ui.i18n;

import com.stampcard.core.i18n.Messages;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The language the till speaks now, and texts that follow it. One per till; the login screen and
 * the configuration set it.
 */
public final class Texts {
  private final ObjectProperty<Locale> locale;

  public Texts(Locale initial) {
    locale = new SimpleObjectProperty<>(Messages.supported(initial));
  }

  public ObjectProperty<Locale> localeProperty() {
    return locale;
  }

  public Locale locale() {
    return locale.get();
  }

  public void use(Locale next) {
    locale.set(Messages.supported(next));
  }

  /** The text of a fixed key, in the language of the moment. */
  public StringBinding of(String key, Object... args) {
    Msg msg = Msg.of(key, args);
    return Bindings.createStringBinding(() -> msg.in(locale.get()), locale);
  }

  /** The text of whatever message {@code msg} holds; empty while it holds none. */
  public StringBinding of(ObservableValue<Msg> msg) {
    return Bindings.createStringBinding(
        () -> msg.getValue() == null ? "" : msg.getValue().in(locale.get()), locale, msg);
  }

  /** The text of a fixed message now. */
  public String now(Msg msg) {
    return msg.in(locale.get());
  }
}
