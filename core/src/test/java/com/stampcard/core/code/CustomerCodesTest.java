package com.stampcard.core.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.code.AppCodeVerifier.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link CustomerCodes#fromText} makes of input that is no particular kind of code. */
class CustomerCodesTest {
  private static final AppCodeMaker PHONE = AppCodeMaker.newPhone();

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", " ", "\r\n", "\t \n"})
  void blankInputIsEmpty(String text) {
    assertThat(problemOf(CustomerCodes.fromText(text))).isEqualTo(CodeProblem.EMPTY);
  }

  @Test
  void noInputIsEmpty() {
    assertThat(problemOf(CustomerCodes.fromText(null))).isEqualTo(CodeProblem.EMPTY);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "hello",
        "https://example.com/?a=b",
        "Ölkortet",
        "912345678904",
        "90" + "1234567890123456789012345",
        "99" + "1234567890123456789012345",
        "=2812101",
        "0",
        "?",
        "\u0000x\u0001"
      })
  void inputOfNoKindIsNotAStampcardCode(String text) {
    assertThat(problemOf(CustomerCodes.fromText(text))).isEqualTo(CodeProblem.NOT_A_STAMPCARD_CODE);
  }

  @Test
  void inputOverAThousandCharactersIsTooLongWithoutBeingRead() {
    assertThat(CustomerCodes.fromText("9".repeat(1001)))
        .isEqualTo(
            new CodeReading.NotACode(
                CodeProblem.TOO_LONG, "1001 characters, at most 1000 are read"));
    assertThat(problemOf(CustomerCodes.fromText(" ".repeat(1001)))).isEqualTo(CodeProblem.TOO_LONG);
    assertThat(problemOf(CustomerCodes.fromText("0".repeat(1000))))
        .isEqualTo(CodeProblem.NOT_A_STAMPCARD_CODE);
  }

  @Property
  void anyTextIsReadWithoutThrowing(@ForAll @StringLength(max = 1100) String text) {
    CodeReading reading = CustomerCodes.fromText(text);

    assertThat(reading).isNotNull();
    if (reading instanceof CodeReading.NotACode notACode) {
      assertThat(notACode.detail()).isNotNull();
    }
  }

  @Property
  void anyBytesFromAReaderAreReadWithoutThrowing(@ForAll @Size(max = 400) byte[] bytes) {
    assertThat(CustomerCodes.fromText(new String(bytes, StandardCharsets.ISO_8859_1))).isNotNull();
    assertThat(CustomerCodes.fromText(new String(bytes, StandardCharsets.UTF_8))).isNotNull();
  }

  @Property
  void randomDigitsNeverThrowAndNeverVerify(@ForAll("appCodeLikeDigits") String digits) {
    AppCodeVerifier verifier =
        new AppCodeVerifier(
            Clock.fixed(Instant.ofEpochSecond(0), ZoneOffset.UTC),
            new InMemoryUsedAppCodes(),
            Integer.MAX_VALUE,
            Integer.MAX_VALUE);

    CodeReading reading = CustomerCodes.fromText(digits);

    if (reading instanceof CodeReading.Recognised recognised
        && recognised.code() instanceof AppCode code) {
      assertThat(verifier.verify(code, PHONE.publicKey())).isInstanceOf(Verdict.Refused.class);
      assertThat(verifier.verify(code, java.util.Optional.empty()))
          .isInstanceOf(Verdict.Refused.class);
    }
  }

  @Provide
  Arbitrary<String> appCodeLikeDigits() {
    Arbitrary<String> anyDigits = Arbitraries.strings().numeric().ofMaxLength(400);
    Arbitrary<String> markedDigits =
        Arbitraries.of("91", "92", "93")
            .flatMap(
                marker ->
                    Arbitraries.of(243, 323, 100, 11)
                        .flatMap(
                            n ->
                                Arbitraries.strings()
                                    .withCharRange('0', '7')
                                    .ofLength(n)
                                    .map(rest -> marker + rest)));
    return Arbitraries.oneOf(anyDigits, markedDigits);
  }

  @Test
  void everyReadingSaysWhatItIs() {
    assertThat(CustomerCodes.fromText(PHONE.steady(1).toDigits()))
        .isInstanceOf(CodeReading.Recognised.class);
    assertThat(CustomerCodes.fromText("2900001234566")).isInstanceOf(CodeReading.Recognised.class);
    assertThat(CustomerCodes.fromText(";4000001234567899=2812101?"))
        .isInstanceOf(CodeReading.Recognised.class);
  }

  private static CodeProblem problemOf(CodeReading reading) {
    assertThat(reading).isInstanceOf(CodeReading.NotACode.class);
    return ((CodeReading.NotACode) reading).problem();
  }
}
