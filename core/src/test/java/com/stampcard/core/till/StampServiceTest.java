package com.stampcard.core.till;

import static com.stampcard.core.till.TillFixture.card;
import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.code.AppCode;
import com.stampcard.core.code.AppCodeMaker;
import com.stampcard.core.code.CodeProblem;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.ledger.EventFlag;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.ledger.StampCard;
import com.stampcard.core.program.Money;
import com.stampcard.core.program.ProgramBuilders;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.program.Purchase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StampServiceTest {
  private final InMemoryTillStore store = new InMemoryTillStore();
  private final TillFixture till =
      new TillFixture(store, RedemptionAuthority.standaloneTill(), false);

  @Test
  void anUnknownPrintedCardOpensAnAccountAndGetsItsFirstStamp() {
    StampOutcome.Given given = (StampOutcome.Given) till.stamp(card(1));
    assertThat(given.newCustomer()).isTrue();
    assertThat(given.balance().units()).isEqualTo(1);
    assertThat(given.event().tillSeq()).isEqualTo(1);
    assertThat(store.accounts).hasSize(1);
    assertThat(given.event().flags()).containsExactly(EventFlag.STATIC_CODE);
  }

  @Test
  void theSecondVisitIsNoLongerNew() {
    till.stampTimes(card(1), 1);
    StampOutcome.Given given = (StampOutcome.Given) till.stamp(card(1));
    assertThat(given.newCustomer()).isFalse();
    assertThat(given.balance().units()).isEqualTo(2);
  }

  @Test
  void theSameCardAgainRightAwayNeedsTheCashiersConfirmation() {
    till.stamp(card(1));
    StampOutcome again = till.stamp(card(1));
    assertThat(again).isInstanceOf(StampOutcome.NeedsConfirmation.class);
    assertThat(((StampOutcome.NeedsConfirmation) again).why())
        .isEqualTo(StampOutcome.NeedsConfirmation.Why.SAME_CARD_AGAIN);
    assertThat(store.events).hasSize(1);
    StampOutcome.Given confirmed =
        (StampOutcome.Given) till.stamping.confirm((StampOutcome.NeedsConfirmation) again);
    assertThat(confirmed.balance().units()).isEqualTo(2);
    assertThat(confirmed.event().flags()).contains(EventFlag.CONFIRMED_REPEAT);
  }

  @Test
  void anotherCardInBetweenMeansNoQuestion() {
    till.stamp(card(1));
    till.stamp(card(2));
    assertThat(till.stamp(card(1))).isInstanceOf(StampOutcome.Given.class);
  }

  @Test
  void insideTheProgramsCooldownTheCashierMustConfirm() {
    store.programs.put(
        new ProgramId("coffee-card"),
        ProgramBuilders.coffeeCard().cooldown(Duration.ofHours(1)).build());
    till.stamp(card(1));
    till.stamp(card(2));
    till.clock.advance(Duration.ofMinutes(10));
    StampOutcome outcome = till.stamp(card(1));
    assertThat(((StampOutcome.NeedsConfirmation) outcome).why())
        .isEqualTo(StampOutcome.NeedsConfirmation.Why.INSIDE_COOLDOWN);
    till.clock.advance(Duration.ofMinutes(51));
    assertThat(till.stamp(card(1))).isInstanceOf(StampOutcome.Given.class);
  }

  @Test
  void aFirstUseAppCodeOpensTheAccountTheAppMadeAndLinksThePhone() {
    AppCodeMaker phone = AppCodeMaker.newPhone();
    AppCode code = phone.firstUseAt(till.clock.instant());
    StampOutcome.Given given = (StampOutcome.Given) till.stamp(code);
    assertThat(given.newCustomer()).isTrue();
    assertThat(given.account().value()).isEqualTo(phone.accountId());
    assertThat(store.identifiers.values())
        .singleElement()
        .satisfies(i -> assertThat(i.publicKey()).isPresent());
    till.clock.advance(Duration.ofMinutes(3));
    StampOutcome.Given steady =
        (StampOutcome.Given) till.stamp(phone.steadyAt(till.clock.instant()));
    assertThat(steady.account().value()).isEqualTo(phone.accountId());
    assertThat(steady.balance().units()).isEqualTo(2);
    assertThat(steady.event().flags()).isEmpty();
  }

  @Test
  void aReplayedAppCodeIsRefusedAndGivesNothing() {
    AppCodeMaker phone = AppCodeMaker.newPhone();
    AppCode code = phone.firstUseAt(till.clock.instant());
    till.stamp(code);
    till.stamp(card(9));
    StampOutcome replay = till.stamp(code);
    assertThat(((StampOutcome.Refused) replay).messageKey())
        .isEqualTo(CodeProblem.CODE_ALREADY_USED.messageKey());
    assertThat(store.events).hasSize(2);
  }

  @Test
  void anExpiredAppCodeIsRefused() {
    AppCodeMaker phone = AppCodeMaker.newPhone();
    AppCode code = phone.firstUseAt(till.clock.instant());
    till.clock.advance(Duration.ofMinutes(5));
    assertThat(((StampOutcome.Refused) till.stamp(code)).messageKey())
        .isEqualTo(CodeProblem.CODE_EXPIRED.messageKey());
    assertThat(store.accounts).isEmpty();
  }

  @Test
  void aSteadyCodeOfAnUnknownPhoneIsRefused() {
    AppCodeMaker phone = AppCodeMaker.newPhone();
    assertThat(
            ((StampOutcome.Refused) till.stamp(phone.steadyAt(till.clock.instant()))).messageKey())
        .isEqualTo(CodeProblem.APP_DEVICE_UNKNOWN.messageKey());
  }

  @Test
  void aNewPhoneClaimingAKnownAccountIsRefused() {
    AppCodeMaker first = AppCodeMaker.newPhone();
    till.stamp(first.firstUseAt(till.clock.instant()));
    AppCodeMaker intruder = AppCodeMaker.newPhone(first.accountId());
    assertThat(
            ((StampOutcome.Refused) till.stamp(intruder.firstUseAt(till.clock.instant())))
                .messageKey())
        .isEqualTo("lookup.phone-not-linked");
  }

  @Test
  void whenPrintedCardsMustBeIssuedAnUnknownOneIsRefused() {
    TillFixture strict =
        new TillFixture(new InMemoryTillStore(), RedemptionAuthority.standaloneTill(), true);
    assertThat(((StampOutcome.Refused) strict.stamp(card(1))).messageKey())
        .isEqualTo("lookup.card-not-issued");
  }

  @Test
  void aCashierWithoutThePermissionCannotStamp() {
    store.staff.put(
        TillFixture.ANNA,
        com.stampcard.core.staff.StaffMember.of(
            TillFixture.ANNA,
            "Anna",
            com.stampcard.core.staff.Role.CASHIER,
            store.staff.get(TillFixture.ANNA).pin(),
            java.util.Set.of(new ProgramId("lunch-points"))));
    assertThat(((StampOutcome.Refused) till.stamp(card(1))).messageKey())
        .isEqualTo("stamp.cashier-not-allowed");
    assertThat(store.events).isEmpty();
  }

  @Test
  void stampsThatLapsedAreWrittenOffBeforeTheNextStamp() {
    store.programs.put(
        new ProgramId("coffee-card"),
        ProgramBuilders.coffeeCard().expiresAfter(Duration.ofDays(30)).build());
    till.stampTimes(card(1), 4);
    till.clock.advance(Duration.ofDays(31));
    StampOutcome.Given given = (StampOutcome.Given) till.stamp(card(1));
    assertThat(given.balance().units()).isEqualTo(1);
    assertThat(store.events)
        .filteredOn(e -> e.type() == EventType.ADJUST)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.quantity()).isEqualTo(-4);
              assertThat(e.flags()).contains(EventFlag.EXPIRY);
            });
  }

  @Test
  void pointsFollowThePurchaseAmount() {
    StampOutcome.Given given =
        (StampOutcome.Given)
            till.stamping.stamp(
                new StampRequest(
                    card(1),
                    InputMethod.SCANNER,
                    new ProgramId("lunch-points"),
                    TillFixture.ANNA,
                    Purchase.ofTotal(Money.of("120.50", "SEK"))));
    assertThat(given.event().type()).isEqualTo(EventType.POINTS_EARN);
    assertThat(given.balance().units()).isEqualTo(120);
  }

  @Test
  void aTypedCodeIsMarkedAsTyped() {
    StampOutcome.Given given =
        (StampOutcome.Given)
            till.stamping.stamp(
                new StampRequest(
                    card(1),
                    InputMethod.TYPED,
                    new ProgramId("coffee-card"),
                    TillFixture.ANNA,
                    Purchase.unknown()));
    assertThat(given.event().flags()).containsExactly(EventFlag.TYPED_CODE);
    assertThat(given.event().input()).contains(InputMethod.TYPED);
  }

  @Test
  void tenStampsFillTheCard() {
    till.stampTimes(card(1), 10);
    assertThat(
            new StampCard(
                    10,
                    store
                        .balance(store.events.get(0).account(), new ProgramId("coffee-card"))
                        .units())
                .full())
        .isTrue();
  }
}
