package com.stampcard.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrintedCardTest {

  static Stream<Arguments> cardNumbersAsReadOrTyped() {
    return Stream.of(
        Arguments.of("2900001234566", "2900001234566"),
        Arguments.of("2900000000001", "2900000000001"),
        Arguments.of("2999999999991", "2999999999991"),
        Arguments.of("2900 0012 3456 6", "2900001234566"),
        Arguments.of("2900-0012-3456-6", "2900001234566"),
        Arguments.of("29 00 00 12 34 56 6", "2900001234566"),
        Arguments.of("2900001234566\r\n", "2900001234566"),
        Arguments.of("\t 2900001234566 ", "2900001234566"));
  }

  @ParameterizedTest(name = "\"{0}\" is card {1}")
  @MethodSource("cardNumbersAsReadOrTyped")
  void validCardNumberIsRecognised(String input, String number) {
    assertThat(CustomerCodes.fromText(input))
        .isEqualTo(new CodeReading.Recognised(new PrintedCard(number)));
  }

  static Stream<Arguments> numbersThatAreNotCards() {
    return Stream.of(
        Arguments.of("2900001234567", CodeProblem.PRINTED_CARD_WRONG_CHECK_DIGIT),
        Arguments.of("2900 0012 3456 7", CodeProblem.PRINTED_CARD_WRONG_CHECK_DIGIT),
        Arguments.of("2900001234656", CodeProblem.PRINTED_CARD_WRONG_CHECK_DIGIT),
        Arguments.of("4006381333931", CodeProblem.PRINTED_CARD_WRONG_PREFIX),
        Arguments.of("7310865004703", CodeProblem.PRINTED_CARD_WRONG_PREFIX),
        Arguments.of("2800001234566", CodeProblem.PRINTED_CARD_WRONG_PREFIX),
        Arguments.of("290000123456", CodeProblem.PRINTED_CARD_WRONG_LENGTH),
        Arguments.of("29000012345660", CodeProblem.PRINTED_CARD_WRONG_LENGTH),
        Arguments.of("2900 0012 3456", CodeProblem.PRINTED_CARD_WRONG_LENGTH),
        Arguments.of("29", CodeProblem.PRINTED_CARD_WRONG_LENGTH),
        Arguments.of("2900001234566x", CodeProblem.NOT_A_STAMPCARD_CODE),
        Arguments.of("-2900001234566", CodeProblem.NOT_A_STAMPCARD_CODE),
        Arguments.of("2900001234566-", CodeProblem.NOT_A_STAMPCARD_CODE),
        Arguments.of("2900_0012_3456_6", CodeProblem.NOT_A_STAMPCARD_CODE),
        Arguments.of("2900.0012.3456.6", CodeProblem.NOT_A_STAMPCARD_CODE),
        Arguments.of("12345", CodeProblem.NOT_A_STAMPCARD_CODE),
        Arguments.of("290000123456612345678", CodeProblem.NOT_A_STAMPCARD_CODE),
        Arguments.of("٢٩٠٠٠٠١٢٣٤٥٦٦", CodeProblem.NOT_A_STAMPCARD_CODE),
        Arguments.of("２９００００１２３４５６６", CodeProblem.NOT_A_STAMPCARD_CODE));
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @MethodSource("numbersThatAreNotCards")
  void invalidCardNumberIsRefusedWithItsProblem(String input, CodeProblem problem) {
    assertThat(CustomerCodes.fromText(input))
        .isInstanceOfSatisfying(
            CodeReading.NotACode.class,
            notACode -> {
              assertThat(notACode.problem()).isEqualTo(problem);
              assertThat(notACode.detail()).doesNotContain(input.trim());
            });
  }

  @Property
  void mistypedDigitFailsTheCheckDigit(
      @ForAll @LongRange(min = 0, max = PrintedCard.MAX_SERIAL) long serial,
      @ForAll @IntRange(min = 0, max = 12) int position,
      @ForAll @IntRange(min = 1, max = 9) int shift) {
    char[] digits = PrintedCard.fromSerial(serial).number().toCharArray();
    digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);
    String mistyped = new String(digits);

    assertThat(PrintedCard.hasValidCheckDigit(mistyped)).isFalse();
    assertThat(CustomerCodes.fromText(mistyped))
        .isInstanceOfSatisfying(
            CodeReading.NotACode.class,
            notACode ->
                assertThat(notACode.problem())
                    .isEqualTo(
                        position < 2
                            ? CodeProblem.PRINTED_CARD_WRONG_PREFIX
                            : CodeProblem.PRINTED_CARD_WRONG_CHECK_DIGIT));
  }

  @Property
  void cardFromSerialIsValidAndKeepsItsSerial(
      @ForAll @LongRange(min = 0, max = PrintedCard.MAX_SERIAL) long serial) {
    PrintedCard card = PrintedCard.fromSerial(serial);

    assertThat(card.number()).hasSize(13).startsWith("29");
    assertThat(card.serial()).isEqualTo(serial);
    assertThat(CustomerCodes.fromText(card.number())).isEqualTo(new CodeReading.Recognised(card));
    assertThat(CustomerCodes.fromText(card.grouped())).isEqualTo(new CodeReading.Recognised(card));
  }

  @Test
  void serialIsZeroPaddedToTenDigits() {
    assertThat(PrintedCard.fromSerial(1234567890L).number()).startsWith("291234567890");
    assertThat(PrintedCard.fromSerial(123456L).number()).isEqualTo("2900001234566");
  }

  @Test
  void serialOutsideTenDigitsIsRefused() {
    assertThatThrownBy(() -> PrintedCard.fromSerial(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrintedCard.fromSerial(10_000_000_000L))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invalidNumberCannotBeACard() {
    assertThatThrownBy(() -> new PrintedCard("2900001234567"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PrintedCard("4006381333931"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PrintedCard("2900 0012 3456 6"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void groupedNumberIsPrintedInFours() {
    assertThat(new PrintedCard("2900001234566").grouped()).isEqualTo("2900 0012 3456 6");
  }

  @Test
  void checkDigitWeighsTheRightmostDigitThree() {
    assertThat(PrintedCard.checkDigit("400638133393")).isEqualTo(1);
    assertThat(PrintedCard.checkDigit("290000123456")).isEqualTo(6);
    assertThat(PrintedCard.checkDigit("1")).isEqualTo(7);
  }

  @Test
  void cardIsFoundByItsNumber() {
    PrintedCard card = new PrintedCard("2900001234566");

    assertThat(card.identifierKind()).isEqualTo(IdentifierKind.PRINTED_CARD);
    assertThat(card.identifierValue()).isEqualTo("2900001234566");
  }
}
