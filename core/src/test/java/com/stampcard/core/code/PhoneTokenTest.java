package com.stampcard.core.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PhoneTokenTest {
  private static final AppCodeMaker PHONE = AppCodeMaker.newPhone();

  @Test
  void phoneAnswersWithTheSameCodeAsItsQr() {
    AppCode steady = PHONE.steady(58_000_000L);
    AppCode firstUse = PHONE.firstUse(58_000_000L);

    assertThat(CustomerCodes.fromPhoneToken(ascii(steady.toDigits())))
        .isEqualTo(new CodeReading.Recognised(steady));
    assertThat(CustomerCodes.fromPhoneToken(ascii(firstUse.toDigits())))
        .isEqualTo(new CodeReading.Recognised(firstUse));
  }

  @Test
  void noAnswerIsEmpty() {
    assertThat(problemOf(CustomerCodes.fromPhoneToken(null))).isEqualTo(CodeProblem.EMPTY);
    assertThat(problemOf(CustomerCodes.fromPhoneToken(new byte[0]))).isEqualTo(CodeProblem.EMPTY);
  }

  @Test
  void answerWithTheStatusWordLeftOnIsMalformed() {
    byte[] digits = ascii(PHONE.steady(1).toDigits());
    byte[] withStatus = Arrays.copyOf(digits, digits.length + 2);
    withStatus[digits.length] = (byte) 0x90;

    assertThat(CustomerCodes.fromPhoneToken(withStatus))
        .isEqualTo(
            new CodeReading.NotACode(
                CodeProblem.PHONE_TOKEN_MALFORMED, "247 bytes, not all ASCII digits"));
  }

  @Test
  void errorStatusAloneIsMalformed() {
    assertThat(problemOf(CustomerCodes.fromPhoneToken(new byte[] {0x6A, (byte) 0x82})))
        .isEqualTo(CodeProblem.PHONE_TOKEN_MALFORMED);
  }

  @Test
  void printedCardNumberFromAPhoneIsMalformed() {
    assertThat(problemOf(CustomerCodes.fromPhoneToken(ascii("2900001234566"))))
        .isEqualTo(CodeProblem.PHONE_TOKEN_MALFORMED);
  }

  @Test
  void shortAnswerStartingLikeAnAppCodeIsTruncated() {
    assertThat(problemOf(CustomerCodes.fromPhoneToken(ascii("9112345"))))
        .isEqualTo(CodeProblem.APP_CODE_TRUNCATED);
  }

  @Test
  void answerLongerThanAnyCodeIsTooLong() {
    assertThat(problemOf(CustomerCodes.fromPhoneToken(ascii("9".repeat(1001)))))
        .isEqualTo(CodeProblem.TOO_LONG);
  }

  @Property
  void anyAnswerIsReadWithoutThrowing(@ForAll @Size(max = 400) byte[] answer) {
    assertThat(CustomerCodes.fromPhoneToken(answer)).isNotNull();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static CodeProblem problemOf(CodeReading reading) {
    assertThat(reading).isInstanceOf(CodeReading.NotACode.class);
    return ((CodeReading.NotACode) reading).problem();
  }
}
