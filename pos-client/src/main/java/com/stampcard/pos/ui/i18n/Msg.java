package com.stampcard.pos.ui.i18n;

import com.stampcard.core.i18n.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A text to show, not yet in a language: a key of the message bundle and its arguments. View models
 * hold these, so a change of language changes every text on screen at once.
 */
public record Msg(String key, List<Object> args) {
  public Msg {
    Objects.requireNonNull(key, "key");
    args = List.copyOf(args);
  }

  public static Msg of(String key, Object... args) {
    return new Msg(key, List.of(args));
  }

  public String in(Locale locale) {
    Object[] filled = new Object[args.size()];
    for (int i = 0; i < filled.length; i++) {
      Object a = args.get(i);
      filled[i] = a instanceof Msg m ? m.in(locale) : a;
    }
    return Messages.text(locale, key, filled);
  }
}
