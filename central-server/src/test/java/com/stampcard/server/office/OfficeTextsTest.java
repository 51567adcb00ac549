package com.stampcard.server.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every back-office text exists in English, Swedish and Dutch, and languages are chosen well. */
class OfficeTextsTest {
  private static Properties load(String suffix) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        OfficeTexts.class.getResourceAsStream("office" + suffix + ".properties")) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyKeyIsInAllThreeLanguages() throws IOException {
    Properties en = load("");
    assertThat(load("_sv").keySet()).isEqualTo(en.keySet());
    assertThat(load("_nl").keySet()).isEqualTo(en.keySet());
  }

  @Test
  void theLanguageComesFromTheChoiceThenTheBrowserThenEnglish() {
    assertThat(OfficeTexts.forRequest("nl", "sv-SE,sv;q=0.9").language()).isEqualTo("nl");
    assertThat(OfficeTexts.forRequest(null, "de-DE,sv;q=0.8,en;q=0.5").language()).isEqualTo("sv");
    assertThat(OfficeTexts.forRequest(null, "de-DE").language()).isEqualTo("en");
    assertThat(OfficeTexts.forRequest(null, ";;;").language()).isEqualTo("en");
  }

  @Test
  void patternsWithArgumentsAreFilledIn() {
    OfficeTexts en = OfficeTexts.in(Locale.ENGLISH);
    assertThat(en.get("report.visits-n", 1)).isEqualTo("1 visit");
    assertThat(en.get("report.visits-n", 3)).isEqualTo("3 visits");
    assertThat(OfficeTexts.in(Locale.forLanguageTag("nl")).get("store.saved", "x"))
        .startsWith("Winkel x opgeslagen. Kassa's");
    assertThat(OfficeTexts.in(Locale.forLanguageTag("nl")).get("nav.tills")).isEqualTo("Kassa's");
  }
}
