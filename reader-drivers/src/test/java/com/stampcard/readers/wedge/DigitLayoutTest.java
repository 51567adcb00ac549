package com.stampcard.readers.wedge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DigitLayoutTest {
  private static final Set<DigitLayout> ALL = EnumSet.allOf(DigitLayout.class);

  @Test
  void frenchAzertyNumberRowIsMappedToDigits() {
    assertThat(DigitLayout.mapBack("&é\"'(-è_çà", ALL)).contains("1234567890");
  }

  @Test
  void shiftedDigitsOnAQwertyTillAreMapped() {
    assertThat(DigitLayout.mapBack("@)))!", Set.of(DigitLayout.SHIFTED_ON_QWERTY_TILL)))
        .contains("20001");
  }

  @Test
  void shiftedDigitsOnAQwertzTillAreMapped() {
    assertThat(DigitLayout.mapBack("\"===!", Set.of(DigitLayout.SHIFTED_ON_QWERTZ_TILL)))
        .contains("20001");
  }

  @Test
  void characterThatMeansDifferentDigitsInTwoLayoutsIsLeftAlone() {
    // '&' is 1 on AZERTY, 7 shifted on QWERTY, 6 shifted on QWERTZ
    assertThat(DigitLayout.mapBack("&&&&&&&&", ALL)).isEmpty();
    assertThat(DigitLayout.mapBack("&&&&&&&&", Set.of(DigitLayout.AZERTY_FR_TILL)))
        .contains("11111111");
  }

  @Test
  void layoutsThatAgreeAreNotAmbiguous() {
    // é, ', (, è, ç, à mean the same digit on French and Belgian AZERTY
    assertThat(DigitLayout.mapBack("é'(èçà", ALL)).contains("245790");
  }

  @Test
  void textWithLettersOrAlreadyDigitsIsLeftAlone() {
    assertThat(DigitLayout.mapBack("ABC123", ALL)).isEmpty();
    assertThat(DigitLayout.mapBack("2900000000017", ALL)).isEmpty();
    assertThat(DigitLayout.mapBack(";1234=5678?", ALL)).isEmpty(); // a magstripe track
  }
}
