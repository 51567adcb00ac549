package com.stampcard.core.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.i18n.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CodeProblemMessagesTest {
  private static final Locale SWEDISH = Locale.forLanguageTag("sv");
  private static final Locale DUTCH = Locale.forLanguageTag("nl");

  @ParameterizedTest(name = "{0}")
  @EnumSource(CodeProblem.class)
  void everyProblemHasItsOwnMessageInEnglishSwedishAndDutch(CodeProblem problem)
      throws IOException {
    // Read each file on its own: the bundle would fall back to English for a missing key.
    String english = bundle("").getProperty(problem.messageKey());
    String swedish = bundle("_sv").getProperty(problem.messageKey());
    String dutch = bundle("_nl").getProperty(problem.messageKey());

    assertThat(english).as("English").isNotBlank();
    assertThat(swedish).as("Swedish").isNotBlank().isNotEqualTo(english);
    assertThat(dutch).as("Dutch").isNotBlank().isNotEqualTo(english).isNotEqualTo(swedish);
    assertThat(problem.message(Locale.ENGLISH)).isEqualTo(english);
    assertThat(problem.message(SWEDISH)).isEqualTo(swedish);
    assertThat(problem.message(DUTCH)).isEqualTo(dutch);
  }

  @Test
  void messageKeyIsNamedForTheProblem() {
    assertThat(CodeProblem.NOT_A_STAMPCARD_CODE.messageKey())
        .isEqualTo("code.problem.NOT_A_STAMPCARD_CODE");
    assertThat(CodeProblem.NOT_A_STAMPCARD_CODE.message(SWEDISH))
        .isEqualTo("Det här är ingen Stampcard-kod. Be kunden visa Stampcard-appen eller kortet.");
  }

  @Test
  void everyCodeProblemKeyInTheFilesIsAProblem() throws IOException {
    var problemKeys =
        Arrays.stream(CodeProblem.values())
            .map(CodeProblem::messageKey)
            .collect(Collectors.toSet());
    for (String suffix : new String[] {"", "_sv", "_nl"}) {
      assertThat(bundle(suffix).stringPropertyNames())
          .filteredOn(key -> key.startsWith("code.problem."))
          .as("messages%s.properties", suffix)
          .containsExactlyInAnyOrderElementsOf(problemKeys);
    }
  }

  @Test
  void readingThatIsNotACodeTellsTheCashierWhatToDo() {
    CodeReading.NotACode reading = (CodeReading.NotACode) CustomerCodes.fromText("hello");

    assertThat(reading.message(DUTCH))
        .isEqualTo(
            "Dit is geen Stampcard-code. Vraag de klant de Stampcard-app of -kaart te tonen.");
    assertThat(reading.message(Locale.GERMAN)).isEqualTo(reading.message(Locale.ENGLISH));
    assertThat(Messages.text(Locale.ENGLISH, reading.problem().messageKey()))
        .startsWith("Not a Stampcard code.");
  }

  private static Properties bundle(String suffix) throws IOException {
    Properties properties = new Properties();
    String path = "/com/stampcard/core/i18n/messages" + suffix + ".properties";
    try (InputStream in = CodeProblemMessagesTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
