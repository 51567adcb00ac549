package com.stampcard.core.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PinHashTest {
  @Test
  void theRightPinMatchesAndAWrongOneDoesNot() {
    PinHash hash = PinHash.of("1234".toCharArray(), 1_000);
    assertThat(hash.matches("1234".toCharArray())).isTrue();
    assertThat(hash.matches("1235".toCharArray())).isFalse();
    assertThat(hash.matches("12345".toCharArray())).isFalse();
  }

  @Test
  void theSamePinHashesDifferentlyEachTime() {
    assertThat(PinHash.of("1234".toCharArray(), 1_000))
        .isNotEqualTo(PinHash.of("1234".toCharArray(), 1_000));
  }

  @Test
  void theIterationCountTravelsWithTheHash() {
    PinHash hash = PinHash.of("1234".toCharArray(), 1_234);
    assertThat(hash.encoded()).startsWith("pbkdf2-sha256$1234$");
    assertThat(new PinHash(hash.encoded()).matches("1234".toCharArray())).isTrue();
  }

  @Test
  void theDefaultCostIsHigh() {
    assertThat(PinHash.DEFAULT_ITERATIONS).isGreaterThanOrEqualTo(600_000);
  }

  @Test
  void neitherTheHashNorThePinShowsInToString() {
    assertThat(PinHash.of("1234".toCharArray(), 1_000).toString()).doesNotContain("$");
  }

  @Test
  void anEmptyPinAndAForeignHashAreRefused() {
    assertThatThrownBy(() -> PinHash.of(new char[0], 1_000)).hasMessageContaining("empty");
    assertThatThrownBy(() -> new PinHash("md5$abc")).hasMessageContaining("pbkdf2");
  }
}
