package com.stampcard.core.till;

import static com.stampcard.core.till.TillFixture.card;
import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.code.InputMethod;
import com.stampcard.core.code.PrintedCard;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.program.Money;
import com.stampcard.core.program.ProgramBuilders;
import com.stampcard.core.program.Purchase;
import com.stampcard.core.program.PurchaseLine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PurchaseServiceTest {
  private final InMemoryTillStore store = new InMemoryTillStore();
  private final TillFixture till =
      new TillFixture(store, RedemptionAuthority.standaloneTill(), false);
  private final PurchaseService purchases =
      new PurchaseService(
          store,
          till.context,
          new CustomerLookup(till.context, till.clock),
          till.stamping,
          till.corrections,
          Duration.ofSeconds(60));

  private static Purchase coffees(int n) {
    Money each = Money.of("35.00", "SEK");
    Money total = new Money(each.minorUnits() * n, "SEK");
    return new Purchase(Optional.of(total), List.of(new PurchaseLine("coffee", n, total)));
  }

  private static RegisterPurchase withCard(String receipt, Purchase purchase) {
    return new RegisterPurchase(receipt, Optional.of(((PrintedCard) card(1)).number()), purchase);
  }

  private long awarded(PurchaseOutcome outcome, String program) {
    return ((PurchaseOutcome.Recorded) outcome)
        .awards().stream()
            .filter(a -> a.program().id().value().equals(program))
            .mapToLong(a -> a.event().quantity())
            .sum();
  }

  @Test
  void aStampPerItemOfTheStampCategoryCappedPerVisitAndPointsWithTheCategoryMultiplier() {
    store.inTransaction(
        tx -> {
          tx.saveProgram(
              ProgramBuilders.coffeeCard()
                  .version(2)
                  .stampCategories("coffee")
                  .mostPerVisit(2)
                  .build());
          tx.saveProgram(ProgramBuilders.lunchPoints().categoryMultiplier("coffee", "2").build());
          return null;
        });

    PurchaseOutcome three = purchases.record(withCard("R-1", coffees(3)));

    // three coffees: three stamps, capped at two a visit; 105 kr of coffee at double points
    assertThat(awarded(three, "coffee-card")).isEqualTo(2);
    assertThat(awarded(three, "lunch-points")).isEqualTo(210);
    assertThat(((PurchaseOutcome.Recorded) three).newCustomer()).isTrue();
    assertThat(store.events).allMatch(e -> e.input().equals(Optional.of(InputMethod.API)));
    assertThat(store.events).allMatch(e -> e.cashier().equals(PurchaseService.CASH_REGISTER));
  }

  @Test
  void aPurchaseWithoutAStampCategoryGivesNoStamp() {
    store.inTransaction(
        tx -> {
          tx.saveProgram(ProgramBuilders.coffeeCard().version(2).stampCategories("coffee").build());
          return null;
        });
    Money total = Money.of("80.00", "SEK");
    Purchase lunch = new Purchase(Optional.of(total), List.of(new PurchaseLine("lunch", 1, total)));

    PurchaseOutcome outcome = purchases.record(withCard("R-1", lunch));

    assertThat(awarded(outcome, "coffee-card")).isZero();
    assertThat(awarded(outcome, "lunch-points")).isEqualTo(80);
  }

  @Test
  void aReceiptIsRecordedOnceAndAnotherPurchaseUnderItsIdIsAConflict() {
    PurchaseOutcome first = purchases.record(withCard("R-1", coffees(1)));
    PurchaseOutcome again = purchases.record(withCard("R-1", coffees(1)));
    PurchaseOutcome other = purchases.record(withCard("R-1", coffees(2)));

    assertThat(((PurchaseOutcome.Recorded) again).repeated()).isTrue();
    assertThat(((PurchaseOutcome.Recorded) again).awards())
        .extracting(a -> a.event().eventId())
        .isEqualTo(
            ((PurchaseOutcome.Recorded) first)
                .awards().stream().map(a -> a.event().eventId()).toList());
    assertThat(other).isEqualTo(new PurchaseOutcome.ReceiptConflict("R-1"));
    assertThat(store.events).hasSize(2);
  }

  @Test
  void aRefundVoidsEachEventOnceWithTheReasonAndAnAuditEntry() {
    purchases.record(withCard("R-1", coffees(1)));

    RefundOutcome refund = purchases.refund("R-1", "returned");
    RefundOutcome again = purchases.refund("R-1", "returned");

    assertThat(((RefundOutcome.Refunded) refund).voids()).hasSize(2);
    assertThat(((RefundOutcome.Refunded) again).repeated()).isTrue();
    assertThat(store.events.stream().filter(e -> e.type() == EventType.VOID)).hasSize(2);
    assertThat(purchases.refund("R-2", "returned"))
        .isEqualTo(new RefundOutcome.Refused("register.no-such-receipt"));
    assertThat(purchases.refund("R-1", " "))
        .isEqualTo(new RefundOutcome.Refused("correction.reason-needed"));
  }

  @Test
  void theCustomerJustScannedIsServedOnceAndTheReadsStampIsNotGivenAgain() {
    till.stamp(card(1));
    till.clock.advance(Duration.ofSeconds(30));

    PurchaseOutcome outcome =
        purchases.record(new RegisterPurchase("R-1", Optional.empty(), coffees(1)));
    PurchaseOutcome next =
        purchases.record(new RegisterPurchase("R-2", Optional.empty(), coffees(1)));

    assertThat(awarded(outcome, "coffee-card")).isZero();
    assertThat(awarded(outcome, "lunch-points")).isEqualTo(35);
    assertThat(next).isEqualTo(new PurchaseOutcome.Refused("register.nobody-scanned"));
    assertThat(store.events.stream().filter(e -> e.type() == EventType.STAMP)).hasSize(1);
  }
}
