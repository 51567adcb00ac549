package com.stampcard.core.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts a cashier, a manager or a customer reads, in English, Swedish and Dutch. Keys live in
 * {@code com/stampcard/core/i18n/messages*.properties}; every key must exist in all three.
 */
public final class Messages {
  /** The languages Stampcard speaks, English first as the fallback. */
  public static final List<Locale> SUPPORTED =
      List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"), Locale.forLanguageTag("nl"));

  private static final String BUNDLE = "com.stampcard.core.i18n.messages";

  private Messages() {}

  /** The text for {@code key} in {@code locale}, with {@code args} filled in as MessageFormat. */
  public static String text(Locale locale, String key, Object... args) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            supported(locale),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  /** The supported locale with the same language as {@code requested}, or English. */
  public static Locale supported(Locale requested) {
    if (requested == null) {
      return Locale.ENGLISH;
    }
    for (Locale l : SUPPORTED) {
      if (l.getLanguage().equals(requested.getLanguage())) {
        return l;
      }
    }
    return Locale.ENGLISH;
  }
}
