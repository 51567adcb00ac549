package com.stampcard.core.program;

import static com.stampcard.core.program.ProgramBuilders.coffeeCard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StampProgramTest {
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  // A Tuesday.
  private static final ZonedDateTime TUESDAY_NOON =
      ZonedDateTime.of(2026, 11, 24, 12, 0, 0, 0, STOCKHOLM);
  private static final ZonedDateTime TUESDAY_9 = TUESDAY_NOON.withHour(9);
  private static final ZonedDateTime SATURDAY_9 = TUESDAY_9.plusDays(4);

  @Test
  void aVisitWithNothingKnownGivesOneStamp() {
    assertThat(coffeeCard().build().award(Purchase.unknown(), TUESDAY_NOON).quantity())
        .isEqualTo(1);
  }

  @Test
  void aPurchaseBelowTheMinimumGivesNoStamp() {
    StampProgram p = coffeeCard().minimumPurchase("30").build();
    Award award = p.award(Purchase.ofTotal(Money.of("29.99", "SEK")), TUESDAY_NOON);
    assertThat(award.quantity()).isZero();
    assertThat(award.notes()).containsExactly("rule.below-minimum");
    assertThat(p.award(Purchase.ofTotal(Money.of("30", "SEK")), TUESDAY_NOON).quantity())
        .isEqualTo(1);
  }

  @Test
  void anUnknownAmountIsNotHeldAgainstTheMinimum() {
    assertThat(
            coffeeCard()
                .minimumPurchase("30")
                .build()
                .award(Purchase.unknown(), TUESDAY_NOON)
                .quantity())
        .isEqualTo(1);
  }

  @Test
  void doubleStampsInsideTheWindowOnly() {
    StampProgram p = coffeeCard().doubleBefore10OnWeekdays().build();
    assertThat(p.award(Purchase.unknown(), TUESDAY_9).quantity()).isEqualTo(2);
    assertThat(p.award(Purchase.unknown(), TUESDAY_9).notes()).contains("rule.multiplied");
    assertThat(p.award(Purchase.unknown(), TUESDAY_NOON).quantity()).isEqualTo(1);
    assertThat(p.award(Purchase.unknown(), TUESDAY_NOON.withHour(10)).quantity()).isEqualTo(1);
    assertThat(p.award(Purchase.unknown(), SATURDAY_9).quantity()).isEqualTo(1);
  }

  @Test
  void mostPerVisitCapsTheStamps() {
    StampProgram p = coffeeCard().stampCategories("coffee").mostPerVisit(2).build();
    Purchase threeCoffees = purchase(line("coffee", 3, "105"));
    Award award = p.award(threeCoffees, TUESDAY_NOON);
    assertThat(award.quantity()).isEqualTo(2);
    assertThat(award.notes()).contains("rule.most-per-visit");
  }

  @Test
  void stampCategoriesCountItemsAndIgnoreOtherLines() {
    StampProgram p = coffeeCard().stampCategories("coffee").build();
    assertThat(
            p.award(purchase(line("coffee", 3, "105"), line("bun", 2, "50")), TUESDAY_NOON)
                .quantity())
        .isEqualTo(3);
    Award none = p.award(purchase(line("bun", 2, "50")), TUESDAY_NOON);
    assertThat(none.quantity()).isZero();
    assertThat(none.notes()).containsExactly("rule.no-stamp-category");
  }

  @Test
  void badRulesAreRefusedWithTheirName() {
    assertThatThrownBy(() -> coffeeCard().stampsRequired(0).build())
        .hasMessageContaining("stamps required");
    assertThatThrownBy(() -> coffeeCard().mostPerVisit(0).build())
        .hasMessageContaining("most stamps per visit");
    assertThatThrownBy(() -> coffeeCard().version(0).build()).hasMessageContaining("version");
  }

  @Test
  void aProgramWithoutStoresRunsEverywhere() {
    assertThat(coffeeCard().build().runsAt(new com.stampcard.core.shop.StoreId("cafe-norr")))
        .isTrue();
  }

  static PurchaseLine line(String category, int quantity, String amount) {
    return new PurchaseLine(category, quantity, Money.of(amount, "SEK"));
  }

  static Purchase purchase(PurchaseLine... lines) {
    Money total = Money.of("0", "SEK");
    for (PurchaseLine l : lines) {
      total = total.plus(l.amount());
    }
    return new Purchase(Optional.of(total), List.of(lines));
  }
}
