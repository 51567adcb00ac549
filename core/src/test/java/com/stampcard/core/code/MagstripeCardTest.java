package com.stampcard.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MagstripeCardTest {
  private static final String PAN = "4000001234567899";
  // printf 'stampcard-magstripe:4000001234567899' | sha256sum
  private static final String PAN_DIGEST =
      "4e59da037df24b0329957b24cadff4d0230d71a368476d98f5d8ace87b2c686b";

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        ";4000001234567899=28121010000000000000?",
        ";4000001234567899=2812101?",
        ";4000001234567899=2812101?5",
        ";4000001234567899=2812101?;",
        "4000001234567899=2812101",
        "4000001234567899=28121010000000000000",
        ";4000001234567899=2812101",
        "4000001234567899=2812101?",
        ";4000001234567899=2812101?\r\n",
        "%B4000001234567899^DOE/JANE^2812101000000?;4000001234567899=2812101000000?",
        ";4000001234567899=2812101?;011234567890123445=724724100000000000030300?",
        ";4000001234567899=2812101?:;0112345678901234=7247241?"
      })
  void trackTwoWithOrWithoutSentinelsIsACard(String track) {
    assertThat(CustomerCodes.fromText(track))
        .isEqualTo(new CodeReading.Recognised(new MagstripeCard(PAN_DIGEST, "7899")));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {";400000123456=2812101?", ";4000001234567890123=2812101?"})
  void panOfTwelveToNineteenDigitsIsACard(String track) {
    assertThat(CustomerCodes.fromText(track)).isInstanceOf(CodeReading.Recognised.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        ";4000001234567899?",
        ";4000001234567899",
        ";40000012345=2812101?",
        ";40000012345678990123=2812101?",
        ";=2812101?",
        ";4000001234567899=281?",
        ";4000001234567899=?",
        ";4000A01234567899=2812101?",
        ";4000001234567899=2812X01?",
        ";4000001234567899=2812101?garbage",
        ";4000001234567899=28121010000000000000000000?",
        "%B4000001234567899^DOE/JANE^2812101000000?",
        ";",
        ";?",
        "4000001234567899=2812101 more"
      })
  void malformedTrackIsRefusedWithoutShowingThePan(String track) {
    assertThat(CustomerCodes.fromText(track))
        .isInstanceOfSatisfying(
            CodeReading.NotACode.class,
            notACode -> {
              assertThat(notACode.problem()).isEqualTo(CodeProblem.MAGSTRIPE_MALFORMED);
              assertThat(notACode.detail()).doesNotContainPattern("\\d{6,}");
            });
  }

  @Test
  void cardIsFoundByTheTaggedDigestOfItsPan() {
    MagstripeCard card = MagstripeCard.ofPan(PAN);

    assertThat(card.identifierKind()).isEqualTo(IdentifierKind.MAGSTRIPE);
    assertThat(card.identifierValue()).isEqualTo(PAN_DIGEST);
  }

  @Property
  void panNeverShowsInTheCardOrInARefusal(@ForAll("pans") String pan) {
    MagstripeCard card = MagstripeCard.ofPan(pan);

    assertThat(card.toString()).doesNotContain(pan).endsWith(pan.substring(pan.length() - 4) + "]");
    assertThat(card.identifierValue()).doesNotContain(pan);
    for (String broken :
        new String[] {
          ";" + pan + "=28?", ";" + pan + "=2812X01?", ";" + pan + "12345678=2812101?"
        }) {
      CodeReading reading = CustomerCodes.fromText(broken);
      assertThat(reading).isInstanceOf(CodeReading.NotACode.class);
      assertThat(reading.toString()).doesNotContain(pan);
    }
  }

  @Provide
  Arbitrary<String> pans() {
    return Arbitraries.strings().numeric().ofMinLength(12).ofMaxLength(19);
  }

  @Test
  void panOfWrongLengthCannotBeACardAndIsNotNamed() {
    assertThatThrownBy(() -> MagstripeCard.ofPan("12345678901"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("12345678901");
  }
}
