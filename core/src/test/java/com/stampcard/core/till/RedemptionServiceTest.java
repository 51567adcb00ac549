package com.stampcard.core.till;

import static com.stampcard.core.till.TillFixture.card;
import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.audit.AuditAction;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.ledger.EventDraft;
import com.stampcard.core.ledger.EventFlag;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.redeem.Decision;
import com.stampcard.core.redeem.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedemptionServiceTest {
  private final InMemoryTillStore store = new InMemoryTillStore();
  private final TillFixture till =
      new TillFixture(store, RedemptionAuthority.standaloneTill(), false);

  private PendingRedemption checked(RedemptionOutcome outcome) {
    return ((RedemptionOutcome.Checked) outcome).pending();
  }

  @Test
  void aFullCardIsSpentByRedemptionAndTheNextStampStartsANewCard() {
    till.stampTimes(card(1), 10);
    PendingRedemption pending = checked(till.check(card(1), InputMethod.SCANNER));
    assertThat(pending.decision().verdict()).isEqualTo(Decision.Verdict.CASHIER_MAY_APPROVE);
    assertThat(pending.decision().reasons()).containsExactly(Reason.STATIC_CODE);
    assertThat(pending.history()).hasSize(5);
    RedemptionOutcome.Redeemed done =
        (RedemptionOutcome.Redeemed) till.redeeming.approve(pending, Optional.empty());
    assertThat(done.event().type()).isEqualTo(EventType.REDEEM);
    assertThat(done.event().quantity()).isEqualTo(-10);
    assertThat(done.balance().units()).isZero();
    assertThat(done.offline()).isFalse();
    assertThat(store.audit.entries)
        .extracting(e -> e.action())
        .containsExactly(AuditAction.REDEMPTION);
    StampOutcome.Given next = (StampOutcome.Given) till.stamp(card(1));
    assertThat(next.balance().units()).isEqualTo(1);
  }

  @Test
  void aCardThatIsNotFullIsRefusedAndNothingIsRecorded() {
    till.stampTimes(card(1), 9);
    PendingRedemption pending = checked(till.check(card(1), InputMethod.SCANNER));
    assertThat(pending.decision().reasons()).contains(Reason.CARD_NOT_FULL);
    assertThat(till.redeeming.approve(pending, Optional.empty()))
        .isEqualTo(new RedemptionOutcome.Refused("redeem.refused"));
    assertThat(store.events).hasSize(9);
  }

  @Test
  void aTypedCodeNeedsAManagersApproval() {
    till.stampTimes(card(1), 10);
    PendingRedemption pending = checked(till.check(card(1), InputMethod.TYPED));
    assertThat(pending.decision().verdict()).isEqualTo(Decision.Verdict.MANAGER_MUST_APPROVE);
    assertThat(till.redeeming.approve(pending, Optional.empty()))
        .isEqualTo(new RedemptionOutcome.Refused("redeem.manager-needed"));
    RedemptionOutcome.Redeemed done =
        (RedemptionOutcome.Redeemed) till.redeeming.approve(pending, Optional.of(till.manager()));
    assertThat(done.event().approvedBy()).contains(TillFixture.MARIA);
    assertThat(done.event().flags()).contains(EventFlag.MANAGER_APPROVED, EventFlag.TYPED_CODE);
  }

  @Test
  void aCashierCannotStandInForAManager() {
    till.stampTimes(card(1), 10);
    PendingRedemption pending = checked(till.check(card(1), InputMethod.TYPED));
    var anna = store.staff.get(TillFixture.ANNA);
    assertThat(till.redeeming.approve(pending, Optional.of(anna)))
        .isEqualTo(new RedemptionOutcome.Refused("redeem.manager-needed"));
  }

  @Test
  void theSameFullCardCanBeRedeemedOnlyOnce() {
    till.stampTimes(card(1), 10);
    PendingRedemption first = checked(till.check(card(1), InputMethod.SCANNER));
    PendingRedemption second = checked(till.check(card(1), InputMethod.SCANNER));
    assertThat(till.redeeming.approve(first, Optional.empty()))
        .isInstanceOf(RedemptionOutcome.Redeemed.class);
    assertThat(till.redeeming.approve(second, Optional.empty()))
        .isEqualTo(new RedemptionOutcome.Refused("redeem.already-spent"));
  }

  @Test
  void anUnknownCardHasNothingToRedeemAndOpensNoAccount() {
    assertThat(till.check(card(5), InputMethod.SCANNER))
        .isEqualTo(new RedemptionOutcome.Refused("lookup.unknown-customer"));
    assertThat(store.accounts).isEmpty();
  }

  /** A server stand-in: answers as told and remembers what it was asked. */
  static final class ScriptedAuthority implements RedemptionAuthority {
    final List<EventDraft> asked = new ArrayList<>();
    RedemptionAuthority.Answer answer = new Answer.Accepted();
    boolean online = true;

    @Override
    public boolean standalone() {
      return false;
    }

    @Override
    public boolean online() {
      return online;
    }

    @Override
    public Optional<Instant> lastSyncAt() {
      return Optional.of(TillFixture.START);
    }

    @Override
    public Answer spend(EventDraft redemption) {
      asked.add(redemption);
      return answer;
    }
  }

  @Test
  void onlineTheServerSpendsTheCardFirstUnderTheSameEventId() {
    ScriptedAuthority server = new ScriptedAuthority();
    InMemoryTillStore s = new InMemoryTillStore();
    TillFixture online = new TillFixture(s, server, false);
    online.stampTimes(card(1), 10);
    RedemptionOutcome.Redeemed done =
        (RedemptionOutcome.Redeemed)
            online.redeeming.approve(
                checked(online.check(card(1), InputMethod.SCANNER)), Optional.empty());
    assertThat(server.asked)
        .singleElement()
        .satisfies(d -> assertThat(d.eventId()).isEqualTo(done.event().eventId()));
    assertThat(done.offline()).isFalse();
  }

  @Test
  void aCardTheServerSaysIsSpentIsNotRedeemedHere() {
    ScriptedAuthority server = new ScriptedAuthority();
    server.answer = new RedemptionAuthority.Answer.Declined("redeem.already-spent");
    InMemoryTillStore s = new InMemoryTillStore();
    TillFixture online = new TillFixture(s, server, false);
    online.stampTimes(card(1), 10);
    assertThat(
            online.redeeming.approve(
                checked(online.check(card(1), InputMethod.SCANNER)), Optional.empty()))
        .isEqualTo(new RedemptionOutcome.Refused("redeem.already-spent"));
    assertThat(s.events).noneMatch(e -> e.type() == EventType.REDEEM);
  }

  @Test
  void offlineTheTillRedeemsWithinItsBudgetAndFlagsIt() {
    ScriptedAuthority server = new ScriptedAuthority();
    server.answer = new RedemptionAuthority.Answer.Unreachable();
    server.online = false;
    InMemoryTillStore s = new InMemoryTillStore();
    var rules =
        new com.stampcard.core.redeem.RedemptionRules(
            30,
            60,
            java.time.Duration.ZERO,
            Reason.Severity.MANAGER,
            Reason.Severity.INFO,
            1,
            java.time.Duration.ofHours(24));
    TillFixture offline = new TillFixture(s, server, false, rules);
    offline.stampTimes(card(1), 10);
    offline.stampTimes(card(2), 10);
    PendingRedemption first = checked(offline.check(card(1), InputMethod.SCANNER));
    assertThat(first.decision().reasons()).contains(Reason.OFFLINE);
    RedemptionOutcome.Redeemed done =
        (RedemptionOutcome.Redeemed) offline.redeeming.approve(first, Optional.empty());
    assertThat(done.offline()).isTrue();
    assertThat(done.event().flags()).contains(EventFlag.OFFLINE);
    PendingRedemption second = checked(offline.check(card(2), InputMethod.SCANNER));
    assertThat(second.decision().reasons()).contains(Reason.OFFLINE_BUDGET_USED_UP);
    assertThat(offline.redeeming.approve(second, Optional.empty()))
        .isEqualTo(new RedemptionOutcome.Refused("redeem.refused"));
  }

  @Test
  void theServerGoingAwayBetweenCheckAndApprovalStillRespectsTheBudget() {
    ScriptedAuthority server = new ScriptedAuthority();
    InMemoryTillStore s = new InMemoryTillStore();
    var rules =
        new com.stampcard.core.redeem.RedemptionRules(
            30,
            60,
            java.time.Duration.ZERO,
            Reason.Severity.MANAGER,
            Reason.Severity.INFO,
            0,
            java.time.Duration.ofHours(24));
    TillFixture till2 = new TillFixture(s, server, false, rules);
    till2.stampTimes(card(1), 10);
    PendingRedemption pending = checked(till2.check(card(1), InputMethod.SCANNER));
    assertThat(pending.decision().refused()).isFalse();
    server.answer = new RedemptionAuthority.Answer.Unreachable();
    assertThat(till2.redeeming.approve(pending, Optional.empty()))
        .isEqualTo(new RedemptionOutcome.Refused(Reason.OFFLINE_BUDGET_USED_UP.messageKey()));
  }
}
