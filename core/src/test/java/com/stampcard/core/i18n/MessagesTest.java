package com.stampcard.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {
  private static Properties bundle(String suffix) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream("messages" + suffix + ".properties")) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyKeyIsInEnglishSwedishAndDutch() throws IOException {
    Properties en = bundle("");
    Properties sv = bundle("_sv");
    Properties nl = bundle("_nl");
    assertThat(sv.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
    assertThat(nl.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
  }

  @Test
  void theLanguageFollowsTheLocaleAndFallsBackToEnglish() {
    assertThat(Messages.text(Locale.forLanguageTag("sv-SE"), "redeem.verdict.REFUSED"))
        .isEqualTo("Stoppad.");
    assertThat(Messages.text(Locale.forLanguageTag("nl"), "redeem.verdict.REFUSED"))
        .isEqualTo("Geweigerd.");
    assertThat(Messages.text(Locale.GERMAN, "redeem.verdict.REFUSED")).isEqualTo("Refused.");
  }

  @Test
  void argumentsAreFilledIn() {
    assertThat(Messages.text(Locale.ENGLISH, "card.progress", 7, 10, 3, "a free coffee"))
        .isEqualTo("7 of 10. 3 more to a free coffee.");
  }
}
