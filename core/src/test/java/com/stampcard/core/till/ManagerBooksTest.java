package com.stampcard.core.till;

import static com.stampcard.core.till.TillFixture.card;
import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.code.InputMethod;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.ledger.LedgerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The manager's review and the day's figures over an in-memory ledger. */
class ManagerBooksTest {
  private final InMemoryTillStore store = new InMemoryTillStore();
  private final TillFixture till =
      new TillFixture(store, RedemptionAuthority.standaloneTill(), false);

  private LedgerEvent redeem(long serial, InputMethod input) {
    till.stampTimes(card(serial), 10);
    RedemptionOutcome check = till.check(card(serial), input);
    PendingRedemption pending = ((RedemptionOutcome.Checked) check).pending();
    Optional<com.stampcard.core.staff.StaffMember> manager =
        pending.decision().needsManager() ? Optional.of(till.manager()) : Optional.empty();
    RedemptionOutcome done = till.redeeming.approve(pending, manager);
    till.clock.advance(Duration.ofMinutes(3));
    return ((RedemptionOutcome.Redeemed) done).event();
  }

  @Test
  void flaggedRedemptionsComeFirstWithTheirConcernsAndVoidsAreLines() {
    LedgerEvent typed = redeem(1, InputMethod.TYPED);
    LedgerEvent plain = redeem(2, InputMethod.SCANNER);
    LedgerEvent overdrawn = redeem(3, InputMethod.SCANNER);
    till.corrections.voidEvent(plain.eventId(), till.manager(), "mistake");

    var items = new RedemptionReview(store).since(Instant.EPOCH, Set.of(overdrawn.eventId()));

    assertThat(items).hasSize(4);
    assertThat(items).allMatch(ReviewItem::flagged);
    var byEvent = items.stream().map(i -> i.event().eventId()).toList();
    assertThat(byEvent).contains(typed.eventId(), plain.eventId(), overdrawn.eventId());
    ReviewItem typedItem =
        items.stream().filter(i -> i.event().eventId().equals(typed.eventId())).findFirst().get();
    assertThat(typedItem.concerns())
        .containsExactly(ReviewItem.Concern.TYPED_CODE, ReviewItem.Concern.MANAGER_APPROVED);
    assertThat(typedItem.checkReasons())
        .contains(com.stampcard.core.redeem.Reason.CODE_TYPED_BY_HAND);
    ReviewItem voided =
        items.stream().filter(i -> i.event().eventId().equals(plain.eventId())).findFirst().get();
    assertThat(voided.concerns()).containsExactly(ReviewItem.Concern.VOIDED);
    assertThat(voided.voidable()).isFalse();
    // the overdraft first, though older than the void
    assertThat(items.get(0).event().eventId()).isEqualTo(overdrawn.eventId());
    assertThat(items.get(1).event().type()).isEqualTo(EventType.VOID);
  }

  @Test
  void anOverdraftComesBeforeNewerFlaggedRedemptions() {
    LedgerEvent overdrawn = redeem(1, InputMethod.SCANNER);
    LedgerEvent typed = redeem(2, InputMethod.TYPED);
    LedgerEvent plain = redeem(3, InputMethod.SCANNER);

    var items = new RedemptionReview(store).since(Instant.EPOCH, Set.of(overdrawn.eventId()));

    assertThat(items)
        .extracting(i -> i.event().eventId())
        .containsExactly(overdrawn.eventId(), typed.eventId(), plain.eventId());
    assertThat(items.get(0).concerns()).containsExactly(ReviewItem.Concern.OVERDRAFT);
  }

  @Test
  void aPlainRedemptionComesAfterTheFlaggedOnes() {
    LedgerEvent plain = redeem(1, InputMethod.SCANNER);
    LedgerEvent typed = redeem(2, InputMethod.TYPED);

    var items = new RedemptionReview(store).since(Instant.EPOCH, Set.of());

    assertThat(items)
        .extracting(i -> i.event().eventId())
        .containsExactly(typed.eventId(), plain.eventId());
    assertThat(items.get(1).flagged()).isFalse();
  }

  @Test
  void theDaysFiguresCountPerCashierAndLeaveVoidedEventsOut() {
    till.stampTimes(card(1), 3);
    till.stampTimes(card(2), 1);
    till.corrections.undoLastStamp(TillFixture.ANNA, "wrong card");

    DayFigures.Result today = new DayFigures(store, till.context).today();

    assertThat(today.cashiers()).hasSize(1);
    CashierFigures anna = today.cashiers().get(0);
    assertThat(anna.cashier()).isEqualTo(TillFixture.ANNA);
    assertThat(anna.stamps()).isEqualTo(3);
    // card 2's only stamp was voided: card 1 is anna's one new customer today
    assertThat(anna.newCustomers()).isEqualTo(1);
    assertThat(today.total().stamps()).isEqualTo(3);
  }
}
