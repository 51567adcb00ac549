package com.stampcard.pos.ui.counter;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.code.AppCodeDigits;
import com.stampcard.core.code.AppCodeMaker;
import com.stampcard.core.code.CustomerCodes;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.ledger.EventFlag;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.redeem.Reason;
import com.stampcard.core.redeem.RedemptionRules;
import com.stampcard.core.staff.StaffId;
import com.stampcard.pos.testing.ServerFake;
import com.stampcard.pos.testing.TestTill;
import com.stampcard.pos.ui.counter.CounterViewModel.Mode;
import com.stampcard.pos.ui.counter.CounterViewModel.Phase;
import com.stampcard.pos.ui.customer.CustomerDisplayViewModel.Show;
import com.stampcard.pos.ui.i18n.Msg;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterViewModelTest {
  private static final String CARD = TestTill.card(1).number();

  private final TestTill till = new TestTill().atCounter("anna", "1234", TestTill.COFFEE);
  private final CounterViewModel counter = till.counter;

  private List<LedgerEvent> events(EventType type) {
    return till.store.events.stream().filter(e -> e.type() == type).toList();
  }

  private void fill(String code, int stamps) {
    for (int i = 0; i < stamps; i++) {
      till.scan(code);
      assertThat(counter.phaseProperty().get()).isEqualTo(Phase.GIVEN);
    }
  }

  @Test
  void aReadGivesAStampAndAConfirmationWithTheCard() {
    till.scan(CARD);

    assertThat(counter.phaseProperty().get()).isEqualTo(Phase.GIVEN);
    assertThat(counter.headlineProperty().get())
        .isEqualTo(Msg.of("ui.counter.stamp-given", 1L, "12:03"));
    assertThat(counter.cardProperty().get().stampsOnCard()).isEqualTo(1);
    assertThat(counter.cardProperty().get().toGo())
        .isEqualTo(Msg.of("ui.card.to-go", 9, "a free coffee"));
    assertThat(events(EventType.STAMP)).hasSize(1);
    assertThat(counter.modeProperty().get()).isEqualTo(Mode.STAMP);
  }

  @Test
  void aNewCustomerIsWelcomedOnTheTillAndTheCustomerDisplay() {
    till.scan(CARD);
    assertThat(counter.newCustomerProperty().get()).isTrue();
    assertThat(till.customer.showProperty().get()).isEqualTo(Show.WELCOME);

    till.scan(CARD);
    assertThat(counter.newCustomerProperty().get()).isFalse();
    assertThat(till.customer.showProperty().get()).isEqualTo(Show.CARD);
    assertThat(till.customer.cardProperty().get().stampsOnCard()).isEqualTo(2);
  }

  @Test
  void theSameCardTwiceInARowGetsNoSecondStampUnlessTheCashierConfirms() {
    till.scan(CARD);
    till.scanNow(CARD);

    assertThat(counter.phaseProperty().get()).isEqualTo(Phase.QUESTION);
    assertThat(counter.questionProperty().get()).isEqualTo(Msg.of("stamp.confirm.SAME_CARD_AGAIN"));
    counter.declineRepeat();
    assertThat(events(EventType.STAMP)).hasSize(1);

    till.scanNow(CARD);
    counter.confirmRepeat();
    assertThat(counter.phaseProperty().get()).isEqualTo(Phase.GIVEN);
    assertThat(events(EventType.STAMP)).hasSize(2);
    assertThat(events(EventType.STAMP).get(1).hasFlag(EventFlag.CONFIRMED_REPEAT)).isTrue();
  }

  @Test
  void aReadThatIsNotAStampcardCodeSaysWhatToDoAndStoresNothing() {
    till.scan("hello world, not a code");

    assertThat(counter.bannerProperty().get())
        .isEqualTo(Msg.of("code.problem.NOT_A_STAMPCARD_CODE"));
    assertThat(till.store.events).isEmpty();
    assertThat(till.store.accounts).isEmpty();

    till.scan(CARD);
    assertThat(counter.bannerProperty().get()).isNull();
  }

  @Test
  void aReplayedAppCodeIsRefusedWithItsReason() {
    AppCodeMaker phone = AppCodeMaker.newPhone();
    String code = AppCodeDigits.encode(phone.firstUseAt(till.clock.instant()));
    till.scanNow(code);
    assertThat(counter.newCustomerProperty().get()).isTrue();

    till.scanNow(code);

    assertThat(counter.bannerProperty().get()).isEqualTo(Msg.of("code.problem.CODE_ALREADY_USED"));
    assertThat(events(EventType.STAMP)).hasSize(1);
  }

  @Test
  void aFullCardRedeemedWithApprovalIsSpentAndTheNextStampStartsANewCard() {
    fill(CARD, 10);
    assertThat(counter.cardProperty().get().full()).isTrue();

    counter.redeemMode();
    till.scan(CARD);
    assertThat(counter.phaseProperty().get()).isEqualTo(Phase.CHECK);
    assertThat(counter.verdictProperty().get())
        .isEqualTo(Msg.of("redeem.verdict.CASHIER_MAY_APPROVE"));
    assertThat(counter.reasons())
        .extracting(ReasonLine::reason)
        .containsExactly(Reason.STATIC_CODE);
    assertThat(counter.history()).hasSize(5);
    counter.approve();

    assertThat(counter.phaseProperty().get()).isEqualTo(Phase.REDEEMED);
    assertThat(counter.headlineProperty().get()).isEqualTo(Msg.of("redeem.done", "a free coffee"));
    assertThat(counter.modeProperty().get()).isEqualTo(Mode.STAMP);
    assertThat(till.customer.showProperty().get()).isEqualTo(Show.REDEEMED);
    assertThat(events(EventType.REDEEM)).hasSize(1);
    assertThat(counter.cardProperty().get().stampsOnCard()).isZero();

    till.scan(CARD);
    assertThat(counter.cardProperty().get().stampsOnCard()).isEqualTo(1);
    assertThat(counter.cardProperty().get().count()).isEqualTo(Msg.of("ui.card.count", 1, 10));
  }

  @Test
  void cancellingARedemptionChangesNothing() {
    fill(CARD, 10);
    int before = till.store.events.size();
    counter.redeemMode();
    till.scan(CARD);
    counter.cancelRedemption();

    assertThat(till.store.events).hasSize(before);
    assertThat(counter.modeProperty().get()).isEqualTo(Mode.STAMP);
    assertThat(counter.phaseProperty().get()).isEqualTo(Phase.READY);
  }

  @Test
  void aCardNotYetFullCannotBeApproved() {
    fill(CARD, 3);
    counter.redeemMode();
    till.scan(CARD);

    assertThat(counter.verdictProperty().get()).isEqualTo(Msg.of("redeem.verdict.REFUSED"));
    assertThat(counter.approvableProperty().get()).isFalse();
    counter.approve();
    assertThat(events(EventType.REDEEM)).isEmpty();
  }

  @Test
  void aTypedCodeNeedsAManagersPinAndOnlyAManagersWillDo() {
    fill(CARD, 10);
    counter.redeemMode();
    till.clock.advance(Duration.ofMinutes(3));
    till.read(CustomerCodes.fromText(CARD), InputMethod.TYPED);
    assertThat(counter.reasons())
        .extracting(ReasonLine::reason)
        .contains(Reason.CODE_TYPED_BY_HAND);
    assertThat(counter.managerNeededProperty().get()).isTrue();

    counter.approve();
    assertThat(counter.phaseProperty().get()).isEqualTo(Phase.MANAGER);

    counter.managerIdProperty().set("maria");
    counter.managerPinProperty().set("0000");
    counter.approveAsManager();
    assertThat(counter.managerProblemProperty().get()).isEqualTo(Msg.of("ui.manager.wrong-pin"));

    counter.managerIdProperty().set("anna");
    counter.managerPinProperty().set("1234");
    counter.approveAsManager();
    assertThat(counter.managerProblemProperty().get())
        .isEqualTo(Msg.of("ui.manager.not-a-manager"));
    assertThat(events(EventType.REDEEM)).isEmpty();

    counter.managerIdProperty().set("maria");
    counter.managerPinProperty().set("9999");
    counter.approveAsManager();
    assertThat(counter.phaseProperty().get()).isEqualTo(Phase.REDEEMED);
    assertThat(events(EventType.REDEEM).get(0).approvedBy()).contains(new StaffId("maria"));
  }

  @Test
  void theLastStampIsUndoneWithAReason() {
    fill(CARD, 2);
    counter.startUndo();
    counter.undo();
    assertThat(counter.bannerProperty().get()).isEqualTo(Msg.of("correction.reason-needed"));
    assertThat(events(EventType.VOID)).isEmpty();

    counter.undoReasonProperty().set("Scanned twice");
    counter.undo();

    assertThat(counter.phaseProperty().get()).isEqualTo(Phase.UNDONE);
    assertThat(counter.cardProperty().get().stampsOnCard()).isEqualTo(1);
    assertThat(events(EventType.VOID))
        .singleElement()
        .satisfies(v -> assertThat(v.reason()).contains("Scanned twice"));
  }

  @Test
  void anUndoPastTheWindowIsRefusedWithWhatToDo() {
    fill(CARD, 1);
    till.clock.advance(Duration.ofMinutes(6));
    counter.startUndo();
    counter.undoReasonProperty().set("Wrong card");
    counter.undo();

    assertThat(counter.bannerProperty().get()).isEqualTo(Msg.of("undo.too-late"));
    assertThat(events(EventType.VOID)).isEmpty();
  }

  @Test
  void aPointsProgramGivesPointsForTheAmountEntered() {
    till.session.changeProgram();
    till.programs.programs().stream()
        .filter(p -> p.id().equals(TestTill.LUNCH))
        .findFirst()
        .ifPresent(till.programs::choose);
    assertThat(counter.pointsProgramProperty().get()).isTrue();

    counter.amountProperty().set("120,50");
    till.scan(CARD);
    assertThat(events(EventType.POINTS_EARN))
        .singleElement()
        .satisfies(e -> assertThat(e.quantity()).isEqualTo(120));
    assertThat(counter.amountProperty().get()).isEmpty();

    counter.amountProperty().set("twelve");
    till.scan(CARD);
    assertThat(counter.bannerProperty().get()).isEqualTo(Msg.of("ui.counter.bad-amount"));
    assertThat(events(EventType.POINTS_EARN)).hasSize(1);
  }

  @Test
  void offlineTheTillRedeemsWithinTheBudgetAndThenRefusesWithTheReason() {
    ServerFake server = new ServerFake(TestTill.NOON);
    RedemptionRules oneOffline =
        new RedemptionRules(
            30,
            60,
            Duration.ZERO,
            Reason.Severity.MANAGER,
            Reason.Severity.INFO,
            1,
            Duration.ofHours(24));
    TestTill offline = new TestTill(server, oneOffline).atCounter("anna", "1234", TestTill.COFFEE);
    server.online = false;
    String first = TestTill.card(1).number();
    String second = TestTill.card(2).number();
    for (int i = 0; i < 10; i++) {
      offline.scan(first);
      offline.scan(second);
    }

    offline.counter.redeemMode();
    offline.scan(first);
    assertThat(offline.counter.reasons()).extracting(ReasonLine::reason).contains(Reason.OFFLINE);
    offline.counter.approve();
    assertThat(offline.counter.phaseProperty().get()).isEqualTo(Phase.REDEEMED);
    assertThat(offline.counter.notes()).containsExactly(Msg.of("ui.redeem.offline"));

    offline.counter.redeemMode();
    offline.scan(second);
    assertThat(offline.counter.verdictProperty().get()).isEqualTo(Msg.of("redeem.verdict.REFUSED"));
    assertThat(offline.counter.reasons())
        .extracting(ReasonLine::reason)
        .contains(Reason.OFFLINE_BUDGET_USED_UP);
    assertThat(offline.counter.approvableProperty().get()).isFalse();
  }

  @Test
  void aLogoutWhileAReadIsOpenLeavesNothingHalfDone() {
    fill(CARD, 10);
    counter.redeemMode();
    till.scan(CARD);
    counter.logOut();

    assertThat(counter.phaseProperty().get()).isEqualTo(Phase.READY);
    assertThat(counter.cardProperty().get()).isNull();
    assertThat(till.customer.showProperty().get()).isEqualTo(Show.IDLE);
    assertThat(events(EventType.REDEEM)).isEmpty();
  }
}
