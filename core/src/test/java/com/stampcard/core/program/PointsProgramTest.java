package com.stampcard.core.program;

import static com.stampcard.core.program.ProgramBuilders.lunchPoints;
import static com.stampcard.core.program.StampProgramTest.line;
import static com.stampcard.core.program.StampProgramTest.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class PointsProgramTest {
  private static final ZonedDateTime NOON =
      ZonedDateTime.of(2026, 11, 24, 12, 0, 0, 0, ZoneId.of("Europe/Amsterdam"));

  @Test
  void onePointPerKronaRoundedDown() {
    assertThat(
            lunchPoints()
                .build()
                .award(Purchase.ofTotal(Money.of("99.90", "SEK")), NOON)
                .quantity())
        .isEqualTo(99);
  }

  @Test
  void roundingIsTheShopsChoice() {
    PointsProgram halfUp = lunchPoints().rounding(RoundingMode.HALF_UP).build();
    assertThat(halfUp.award(Purchase.ofTotal(Money.of("99.50", "SEK")), NOON).quantity())
        .isEqualTo(100);
    assertThat(halfUp.award(Purchase.ofTotal(Money.of("99.49", "SEK")), NOON).quantity())
        .isEqualTo(99);
  }

  @Test
  void categoryMultipliersApplyPerLine() {
    PointsProgram p = lunchPoints().categoryMultiplier("coffee", "2").build();
    Award award = p.award(purchase(line("coffee", 1, "35"), line("lunch", 1, "100")), NOON);
    assertThat(award.quantity()).isEqualTo(170);
    assertThat(award.notes()).contains("rule.category-multiplier");
  }

  @Test
  void theCapLimitsOnePurchase() {
    Award award =
        lunchPoints().cap(200).build().award(Purchase.ofTotal(Money.of("1000", "SEK")), NOON);
    assertThat(award.quantity()).isEqualTo(200);
    assertThat(award.notes()).contains("rule.cap");
  }

  @Test
  void pointsNeedTheAmount() {
    Award award = lunchPoints().build().award(Purchase.unknown(), NOON);
    assertThat(award.quantity()).isZero();
    assertThat(award.notes()).containsExactly("rule.points-need-amount");
  }

  @Test
  void belowTheMinimumGivesNothing() {
    assertThat(
            lunchPoints()
                .minimumPurchase("50")
                .build()
                .award(Purchase.ofTotal(Money.of("49", "SEK")), NOON)
                .quantity())
        .isZero();
  }

  @Test
  void rewardThresholdsAreFoundFromThePoints() {
    PointsProgram p = lunchPoints().reward(200, "a coffee").build();
    assertThat(p.rewardReachedWith(199)).isEmpty();
    assertThat(p.rewardReachedWith(200).orElseThrow().reward()).isEqualTo("a coffee");
    assertThat(p.rewardReachedWith(650).orElseThrow().reward()).isEqualTo("a free lunch");
    assertThat(p.nextRewardAfter(250).orElseThrow().points()).isEqualTo(500);
    assertThat(p.nextRewardAfter(500)).isEmpty();
  }

  @Test
  void moneyOfAnotherCurrencyIsRefused() {
    assertThatThrownBy(() -> Money.of("1", "SEK").lessThan(Money.of("1", "EUR")))
        .hasMessageContaining("SEK")
        .hasMessageContaining("EUR");
  }
}
