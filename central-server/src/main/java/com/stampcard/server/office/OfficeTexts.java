package com.stampcard.server.office;

import com.stampcard.core.i18n.Messages;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The back office's texts in English, Swedish and Dutch ({@code office*.properties} beside this
 * class; every key in all three). The languages are core's ({@link Messages#SUPPORTED}).
 */
public final class OfficeTexts {
  private static final String BUNDLE = "com.stampcard.server.office.office";

  private final Locale locale;
  private final ResourceBundle bundle;

  private OfficeTexts(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public static OfficeTexts in(Locale locale) {
    return new OfficeTexts(Messages.supported(locale));
  }

  /**
   * The language asked for by {@code chosen} (the page's language switch), else the browser's
   * Accept-Language, else English.
   */
  public static OfficeTexts forRequest(String chosen, String acceptLanguage) {
    if (chosen != null && !chosen.isBlank()) {
      return in(Locale.forLanguageTag(chosen));
    }
    if (acceptLanguage != null && !acceptLanguage.isBlank()) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
          Locale wanted = Locale.forLanguageTag(range.getRange());
          for (Locale l : Messages.SUPPORTED) {
            if (l.getLanguage().equals(wanted.getLanguage())) {
              return in(l);
            }
          }
        }
      } catch (IllegalArgumentException malformed) {
        // a broken header: English
      }
    }
    return in(Locale.ENGLISH);
  }

  public Locale locale() {
    return locale;
  }

  public String language() {
    return locale.getLanguage();
  }

  public static List<Locale> languages() {
    return Messages.SUPPORTED;
  }

  /** The text for {@code key}, with {@code args} filled in as MessageFormat. */
  public String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
