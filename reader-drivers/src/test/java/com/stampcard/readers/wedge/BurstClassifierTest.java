package com.stampcard.readers.wedge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BurstClassifierTest {
  private static final long MS = 1_000_000L;

  /** Types {@code text} with {@code gapMs} between keys, then the suffix; returns the outcome. */
  static Optional<BurstClassifier.Outcome> burst(
      BurstClassifier c, String text, long gapMs, boolean enter) {
    long t = 1_000 * MS;
    Optional<BurstClassifier.Outcome> last = Optional.empty();
    for (char ch : text.toCharArray()) {
      last = c.character(ch, t);
      t += gapMs * MS;
    }
    return enter ? c.endKey(true, t) : last;
  }

  @Test
  void keysFiveMillisecondsApartEndedByEnterAreAScan() {
    BurstClassifier c = new BurstClassifier(WedgeConfig.defaults());
    assertThat(burst(c, "2900000000017", 5, true))
        .contains(new BurstClassifier.Scan("2900000000017"));
  }

  @Test
  void keysAHundredAndTwentyMillisecondsApartAreAPerson() {
    BurstClassifier c = new BurstClassifier(WedgeConfig.defaults());
    assertThat(burst(c, "2900000000017", 120, true).get())
        .isInstanceOf(BurstClassifier.Typing.class);
  }

  @Test
  void averageJustOverTheLimitIsAPerson() {
    BurstClassifier c = new BurstClassifier(WedgeConfig.defaults());
    assertThat(burst(c, "2900000000017", 31, true).get())
        .isInstanceOf(BurstClassifier.Typing.class);
    assertThat(burst(c, "2900000000017", 29, true).get()).isInstanceOf(BurstClassifier.Scan.class);
  }

  @Test
  void oneLongPauseInsideAFastBurstSplitsIt() {
    BurstClassifier c = new BurstClassifier(WedgeConfig.defaults());
    long t = 0;
    for (char ch : "290000".toCharArray()) {
      c.character(ch, t += 5 * MS);
    }
    assertThat(c.character('0', t += 150 * MS).get()).isInstanceOf(BurstClassifier.Typing.class);
    assertThat(c.length()).isEqualTo(1);
  }

  @Test
  void tooShortBurstIsNotAScan() {
    BurstClassifier c = new BurstClassifier(WedgeConfig.defaults());
    assertThat(burst(c, "1234567", 5, true).get()).isInstanceOf(BurstClassifier.Typing.class);
    assertThat(burst(c, "12345678", 5, true).get()).isInstanceOf(BurstClassifier.Scan.class);
  }

  @Test
  void prefixIsRequiredAndStripped() {
    BurstClassifier c = new BurstClassifier(WedgeConfig.defaults().withPrefix("]Q"));
    assertThat(burst(c, "]Q2900000000017", 5, true))
        .contains(new BurstClassifier.Scan("2900000000017"));
    assertThat(burst(c, "2900000000017", 5, true).get()).isInstanceOf(BurstClassifier.Typing.class);
  }

  @Test
  void tabSuffixIsHonouredAndEnterIsNotTakenForIt() {
    BurstClassifier c =
        new BurstClassifier(WedgeConfig.defaults().withSuffix(WedgeConfig.Suffix.TAB));
    long t = 0;
    for (char ch : "2900000000017".toCharArray()) {
      c.character(ch, t += 5 * MS);
    }
    assertThat(c.endKey(true, t + 5 * MS).get()).isInstanceOf(BurstClassifier.Typing.class);
    for (char ch : "2900000000017".toCharArray()) {
      c.character(ch, t += 5 * MS);
    }
    assertThat(c.endKey(false, t + 5 * MS)).contains(new BurstClassifier.Scan("2900000000017"));
  }

  @Test
  void withoutSuffixAQuietPauseEndsTheScan() {
    BurstClassifier c =
        new BurstClassifier(WedgeConfig.defaults().withSuffix(WedgeConfig.Suffix.NONE));
    long t = 0;
    for (char ch : "2900000000017".toCharArray()) {
      c.character(ch, t += 5 * MS);
    }
    assertThat(c.idle(t + 50 * MS)).isEmpty();
    assertThat(c.idle(t + 100 * MS)).contains(new BurstClassifier.Scan("2900000000017"));
    assertThat(c.inBurst()).isFalse();
  }

  @Test
  void withSuffixABurstLeftHangingIsDropped() {
    BurstClassifier c = new BurstClassifier(WedgeConfig.defaults());
    long t = 0;
    for (char ch : "2900000000017".toCharArray()) {
      c.character(ch, t += 5 * MS);
    }
    assertThat(c.idle(t + 150 * MS).get()).isInstanceOf(BurstClassifier.Typing.class);
  }

  @Test
  void enterAloneIsNothing() {
    BurstClassifier c = new BurstClassifier(WedgeConfig.defaults());
    assertThat(c.endKey(true, 0)).isEmpty();
  }

  @Test
  void digitsTypedThroughAzertyAreMappedBack() {
    BurstClassifier c = new BurstClassifier(WedgeConfig.defaults());
    assertThat(burst(c, "é(àààààààààà&", 5, true))
        .contains(new BurstClassifier.Scan("2500000000001"));
  }
}
