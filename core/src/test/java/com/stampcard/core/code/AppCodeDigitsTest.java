package com.stampcard.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppCodeDigitsTest {

  @Test
  void steadyCodeIs245DigitsAndFirstUseCodeIs325() {
    AppCodeMaker phone = AppCodeMaker.newPhone();

    assertThat(AppCodeDigits.STEADY_DIGITS).isEqualTo(245);
    assertThat(AppCodeDigits.FIRST_USE_DIGITS).isEqualTo(325);
    assertThat(AppCode.Form.STEADY.digitCount()).isEqualTo(245);
    assertThat(AppCode.Form.FIRST_USE.digitCount()).isEqualTo(325);
    assertThat(AppCode.Form.STEADY.byteCount()).isEqualTo(101);
    assertThat(AppCode.Form.FIRST_USE.byteCount()).isEqualTo(134);
    assertThat(phone.steady(1).toDigits()).hasSize(245).startsWith("91").containsOnlyDigits();
    assertThat(phone.firstUse(1).toDigits()).hasSize(325).startsWith("92").containsOnlyDigits();
  }

  @ParameterizedTest(name = "a last group of {0} bytes takes {1} digits")
  @CsvSource({"1, 3", "2, 5", "3, 8", "4, 10", "5, 13", "6, 15", "7, 17"})
  void lastGroupTakesTheDigitsOfItsLargestNumber(int bytes, int digits) {
    byte[] layout = new byte[1 + bytes];
    layout[0] = 1;
    Arrays.fill(layout, 1, layout.length, (byte) 0xFF);
    String largest = BigInteger.ONE.shiftLeft(8 * bytes).subtract(BigInteger.ONE).toString();

    assertThat(largest).hasSize(digits);
    assertThat(AppCodeDigits.encode(layout)).isEqualTo("91" + largest);
  }

  @Test
  void groupsAreBigEndianAndZeroPadded() {
    byte[] layout = {2, 0, 0, 0, 0, 0, 0, 1, 0, 1};

    assertThat(AppCodeDigits.encode(layout)).isEqualTo("92" + "00000000000000001" + "00001");
  }

  @Test
  void eachGroupIsTheNumberOfItsSevenBytes() {
    byte[] layout = AppCodeMaker.newPhone().signedLayout(1, 123);
    String digits = AppCodeDigits.encode(layout);

    for (int group = 0; group < 14; group++) {
      BigInteger value =
          new BigInteger(1, Arrays.copyOfRange(layout, 1 + 7 * group, 8 + 7 * group));
      assertThat(digits.substring(2 + 17 * group, 19 + 17 * group))
          .isEqualTo(String.format("%017d", value));
    }
    BigInteger last = new BigInteger(1, Arrays.copyOfRange(layout, 99, 101));
    assertThat(digits.substring(240)).isEqualTo(String.format("%05d", last));
  }

  @Property
  void anyBytesComeBackFromTheirDigits(@ForAll @Size(min = 0, max = 140) byte[] bytes)
      throws Refusal {
    byte[] layout = new byte[1 + bytes.length];
    layout[0] = 1;
    System.arraycopy(bytes, 0, layout, 1, bytes.length);
    String digits = AppCodeDigits.encode(layout);

    assertThat(digits).hasSize(2 + AppCodeDigits.digitsFor(bytes.length));
    assertThat(AppCodeDigits.decode(digits.substring(2), bytes.length)).isEqualTo(bytes);
  }

  @Property
  void groupTooLargeForItsBytesIsMalformed(@ForAll @IntRange(min = 0, max = 13) int group) {
    StringBuilder digits = new StringBuilder(AppCodeMaker.newPhone().steady(77).toDigits());
    digits.replace(2 + 17 * group, 19 + 17 * group, "72057594037927936"); // 2^56

    assertThat(CustomerCodes.fromText(digits.toString()))
        .isEqualTo(
            new CodeReading.NotACode(
                CodeProblem.APP_CODE_MALFORMED,
                "group " + (group + 1) + " is too large for 7 bytes"));
  }

  @Test
  void lastGroupTooLargeForItsTwoBytesIsMalformed() {
    String digits = AppCodeMaker.newPhone().steady(77).toDigits();

    assertThat(CustomerCodes.fromText(digits.substring(0, 240) + "65536"))
        .isInstanceOfSatisfying(
            CodeReading.NotACode.class,
            notACode -> assertThat(notACode.problem()).isEqualTo(CodeProblem.APP_CODE_MALFORMED));
    assertThat(CustomerCodes.fromText(digits.substring(0, 240) + "65535"))
        .isInstanceOf(CodeReading.Recognised.class);
  }

  @Test
  void layoutWithUnknownFormCannotBeEncoded() {
    assertThatThrownBy(() -> AppCodeDigits.encode(new byte[] {3, 0}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AppCodeDigits.encode(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
