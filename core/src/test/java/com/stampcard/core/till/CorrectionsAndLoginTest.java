package com.stampcard.core.till;

import static com.stampcard.core.till.TillFixture.card;
import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.account.AccountId;
import com.stampcard.core.account.AccountStatus;
import com.stampcard.core.audit.AuditAction;
import com.stampcard.core.audit.AuditLog;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.staff.LoginResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CorrectionsAndLoginTest {
  private static final ProgramId COFFEE = new ProgramId("coffee-card");
  private final InMemoryTillStore store = new InMemoryTillStore();
  private final TillFixture till =
      new TillFixture(store, RedemptionAuthority.standaloneTill(), false);

  @Test
  void aCashierUndoesTheirLastStampWithAVoid() {
    StampOutcome.Given given = (StampOutcome.Given) till.stamp(card(1));
    CorrectionOutcome.Done done =
        (CorrectionOutcome.Done) till.corrections.undoLastStamp(TillFixture.ANNA, "wrong customer");
    assertThat(done.event().type()).isEqualTo(EventType.VOID);
    assertThat(done.event().ref()).contains(given.event().eventId());
    assertThat(store.balance(given.account(), COFFEE).units()).isZero();
    assertThat(store.audit.entries).extracting(e -> e.action()).containsExactly(AuditAction.VOID);
  }

  @Test
  void anUndoIsOnlyForTheLastStampWithinTheWindowAndOnlyOnce() {
    till.stamp(card(1));
    till.clock.advance(Duration.ofMinutes(6));
    assertThat(till.corrections.undoLastStamp(TillFixture.ANNA, "late"))
        .isEqualTo(new CorrectionOutcome.Refused("undo.too-late"));
    till.stamp(card(2));
    till.corrections.undoLastStamp(TillFixture.ANNA, "oops");
    assertThat(till.corrections.undoLastStamp(TillFixture.ANNA, "again"))
        .isEqualTo(new CorrectionOutcome.Refused("undo.nothing-to-undo"));
  }

  @Test
  void aVoidNeedsAReason() {
    till.stamp(card(1));
    assertThat(till.corrections.undoLastStamp(TillFixture.ANNA, " "))
        .isEqualTo(new CorrectionOutcome.Refused("correction.reason-needed"));
  }

  @Test
  void onlyAManagerAdjustsAndTheAuditChainHolds() {
    StampOutcome.Given given = (StampOutcome.Given) till.stamp(card(1));
    assertThat(
            till.corrections.adjust(
                given.account(), COFFEE, 3, store.staff.get(TillFixture.ANNA), "goodwill"))
        .isEqualTo(new CorrectionOutcome.Refused("correction.manager-only"));
    till.corrections.adjust(given.account(), COFFEE, 3, till.manager(), "goodwill");
    assertThat(store.balance(given.account(), COFFEE).units()).isEqualTo(4);
    assertThat(AuditLog.verify(store).intact()).isTrue();
  }

  @Test
  void mergedAccountsCountTogetherAndTheOldCardFindsTheNewAccount() {
    AccountId first = ((StampOutcome.Given) till.stamp(card(1))).account();
    AccountId second = ((StampOutcome.Given) till.stamp(card(2))).account();
    till.clock.advance(Duration.ofMinutes(3));
    till.stampTimes(card(2), 2);
    assertThat(till.merger.merge(first, second, "maria", till.clock.instant())).isEmpty();
    assertThat(store.accounts.get(first).status()).isEqualTo(AccountStatus.MERGED);
    StampOutcome.Given viaOldCard = (StampOutcome.Given) till.stamp(card(1));
    assertThat(viaOldCard.account()).isEqualTo(second);
    assertThat(viaOldCard.balance().units()).isEqualTo(5);
    assertThat(till.merger.merge(second, second, "maria", till.clock.instant()))
        .contains("merge.same-account");
  }

  @Test
  void wrongPinsLockTheCashierOutForAWhile() {
    assertThat(till.login.login(TillFixture.ANNA, "0000".toCharArray()))
        .isEqualTo(
            new LoginResult.Refused(
                LoginResult.Why.UNKNOWN_OR_WRONG_PIN, java.util.Optional.empty(), 2));
    till.login.login(TillFixture.ANNA, "0000".toCharArray());
    LoginResult third = till.login.login(TillFixture.ANNA, "0000".toCharArray());
    assertThat(((LoginResult.Refused) third).why()).isEqualTo(LoginResult.Why.LOCKED_OUT);
    assertThat(
            ((LoginResult.Refused) till.login.login(TillFixture.ANNA, "1234".toCharArray())).why())
        .isEqualTo(LoginResult.Why.LOCKED_OUT);
    till.clock.advance(Duration.ofMinutes(6));
    assertThat(till.login.login(TillFixture.ANNA, "1234".toCharArray()))
        .isInstanceOf(LoginResult.LoggedIn.class);
    assertThat(store.audit.entries)
        .extracting(e -> e.action())
        .contains(AuditAction.STAFF_LOCKED_OUT);
  }

  @Test
  void anUnknownIdReadsLikeAWrongPin() {
    assertThat(
            ((LoginResult.Refused)
                    till.login.login(
                        new com.stampcard.core.staff.StaffId("nobody"), "1234".toCharArray()))
                .why())
        .isEqualTo(LoginResult.Why.UNKNOWN_OR_WRONG_PIN);
  }
}
