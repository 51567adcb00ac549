package com.stampcard.store;

import static com.stampcard.store.TestData.ANNA;
import static com.stampcard.store.TestData.COFFEE;
import static com.stampcard.store.TestData.LUNCH;
import static com.stampcard.store.TestData.OTHER_TILL;
import static com.stampcard.store.TestData.TILL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stampcard.core.account.Account;
import com.stampcard.core.account.AccountId;
import com.stampcard.core.account.Identifier;
import com.stampcard.core.audit.AuditAction;
import com.stampcard.core.audit.AuditEntry;
import com.stampcard.core.audit.AuditLog;
import com.stampcard.core.code.AppCode;
import com.stampcard.core.code.AppCodeMaker;
import com.stampcard.core.code.IdentifierKind;
import com.stampcard.core.code.PrintedCard;
import com.stampcard.core.ledger.Balance;
import com.stampcard.core.ledger.EventDraft;
import com.stampcard.core.ledger.EventFlag;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.program.Program;
import com.stampcard.core.staff.LoginResult;
import com.stampcard.core.staff.StaffMember;
import com.stampcard.core.till.CorrectionOutcome;
import com.stampcard.core.till.MutableClock;
import com.stampcard.core.till.RedemptionOutcome;
import com.stampcard.core.till.StampOutcome;
import com.stampcard.store.sync.LedgerSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store must do, run against a real database: an H2 file ({@code H2TillStoreTest}) and
 * PostgreSQL ({@code PostgresTillStoreIT}). Each test gets a fresh, empty database.
 */
abstract class TillStoreContract {
  protected MutableClock clock;
  protected StoreDatabase database;
  protected HibernateTillStore store;

  /** A fresh, migrated database. */
  protected abstract StoreDatabase openDatabase(MutableClock clock);

  /** A plain JDBC connection to the same database, for checks and for tampering. */
  protected abstract Connection rawConnection() throws SQLException;

  @BeforeEach
  void openStore() {
    clock = MutableClock.tuesdayAfternoon();
    database = openDatabase(clock);
    store = database.tillStore();
    store.inTransaction(
        tx -> {
          tx.saveProgram(TestData.coffeeCard());
          tx.saveProgram(TestData.lunchPoints());
          tx.saveStaffMember(TestData.cashierAnna());
          tx.saveStaffMember(TestData.managerMaria());
          return null;
        });
  }

  @AfterEach
  void closeStore() {
    if (database != null) {
      database.close();
    }
  }

  // --- the ledger ---

  @Test
  void appendNumbersEachTillsEventsOneTwoThreeWithoutGaps() throws SQLException {
    AccountId account = addAccount();
    List<Long> tillOne = new ArrayList<>();
    List<Long> tillTwo = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      tillOne.add(append(Drafts.stamp(account).till(TILL).build()).tillSeq());
      tillTwo.add(append(Drafts.stamp(account).till(OTHER_TILL).build()).tillSeq());
    }
    tillOne.add(append(Drafts.stamp(account).till(TILL).build()).tillSeq());

    assertThat(tillOne).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(tillTwo).containsExactly(1L, 2L, 3L, 4L);
    try (Connection c = rawConnection()) {
      LedgerCheck.assertGaplessPerTill(c);
    }
  }

  @Test
  void anEventReadsBackAsItWasAppended() {
    AccountId account = addAccount();
    EventDraft draft =
        Drafts.stamp(account)
            .at(Instant.parse("2026-11-24T08:15:30.123456Z"))
            .flags(EventFlag.OFFLINE, EventFlag.STATIC_CODE)
            .build();
    LedgerEvent appended = append(draft);

    assertThat(store.<Optional<LedgerEvent>>inTransaction(tx -> tx.event(draft.eventId())))
        .contains(appended);
    assertThat(appended).isEqualTo(draft.at(1));
  }

  @Test
  void twoThreadsAppendingAtOneTillGetUniqueGaplessNumbers() throws Exception {
    AccountId first = addAccount();
    AccountId second = addAccount();
    int perThread = 60;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<Long>>> results = new ArrayList<>();
      for (AccountId account : List.of(first, second)) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<Long> seqs = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    // both threads also share one balance row: first's
                    AccountId target = i % 2 == 0 ? account : first;
                    seqs.add(append(Drafts.stamp(target).build()).tillSeq());
                  }
                  return seqs;
                }));
      }
      start.countDown();
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> f : results) {
        all.addAll(f.get(120, TimeUnit.SECONDS));
      }
      assertThat(all).hasSize(2 * perThread).doesNotHaveDuplicates();
      assertThat(all.stream().mapToLong(Long::longValue).max().orElseThrow())
          .isEqualTo(2L * perThread);
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = rawConnection()) {
      LedgerCheck.assertGaplessPerTill(c);
      LedgerCheck.assertProjectionEqualsFold(c);
    }
    assertThat(balance(first, COFFEE).units()).isEqualTo(perThread + perThread / 2);
  }

  @Test
  void projectionEqualsTheFoldOfTheEventsWhateverHappened() throws SQLException {
    Random random = new Random(20261124);
    List<AccountId> accounts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      accounts.add(addAccount());
    }
    List<LedgerEvent> appended = new ArrayList<>();
    Instant base = Instant.parse("2026-11-01T10:00:00Z");
    for (int step = 0; step < 160; step++) {
      AccountId account = accounts.get(random.nextInt(accounts.size()));
      // times out of order on purpose: the projection keeps the latest, not the last applied
      Instant at = base.plusSeconds(random.nextInt(1_000_000)).plusNanos(random.nextInt(1_000));
      int what = random.nextInt(10);
      Drafts draft;
      if (what < 4) {
        draft = Drafts.stamp(account);
      } else if (what < 6) {
        draft = Drafts.of(EventType.POINTS_EARN, account, 1 + random.nextInt(120)).program(LUNCH);
      } else if (what == 6) {
        draft = Drafts.of(EventType.REDEEM, account, -10);
      } else if (what == 7) {
        draft =
            Drafts.of(EventType.ADJUST, account, random.nextBoolean() ? 3 : -2)
                .program(random.nextBoolean() ? COFFEE : LUNCH);
      } else if (what == 8 && !appended.isEmpty()) {
        LedgerEvent target = appended.get(random.nextInt(appended.size()));
        draft =
            Drafts.of(EventType.VOID, target.account(), -target.quantity())
                .program(target.program())
                .voiding(target.eventId());
      } else {
        mergeSomeTwo(accounts, random);
        continue;
      }
      appended.add(append(draft.at(at).till(random.nextBoolean() ? TILL : OTHER_TILL).build()));
    }
    try (Connection c = rawConnection()) {
      LedgerCheck.assertProjectionEqualsFold(c);
      LedgerCheck.assertGaplessPerTill(c);
      var before = LedgerCheck.projection(c);
      store.rebuildBalances();
      assertThat(LedgerCheck.projection(c)).isEqualTo(before);
    }
  }

  private void mergeSomeTwo(List<AccountId> accounts, Random random) {
    if (accounts.size() < 3) {
      return;
    }
    AccountId from = accounts.remove(random.nextInt(accounts.size()));
    AccountId into = accounts.get(random.nextInt(accounts.size()));
    Balance expected = addUp(balance(from, COFFEE), balance(into, COFFEE));
    assertThat(new TestTill(store, clock).merger.merge(from, into, "test", clock.instant()))
        .isEmpty();
    assertThat(balance(into, COFFEE).units()).isEqualTo(expected.units());
    // the merged account's balance is its target's from now on
    assertThat(balance(from, COFFEE)).isEqualTo(balance(into, COFFEE));
  }

  private static Balance addUp(Balance a, Balance b) {
    return new Balance(
        b.account(),
        b.program(),
        a.units() + b.units(),
        Optional.empty(),
        Optional.empty(),
        a.events() + b.events());
  }

  @Test
  void aStampAndASyncFoldMakingTheSameBalanceRowAtOnceBothCount() throws Exception {
    AccountId account = addAccount();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection sync = rawConnection()) {
      sync.setAutoCommit(false);
      // the sync agent applies a pulled page: three stamps make the balance row, not yet committed
      LedgerSql.Delta pulled = new LedgerSql.Delta();
      pulled.add(EventType.STAMP, 3, clock.instant());
      TreeMap<LedgerSql.Key, LedgerSql.Delta> deltas = new TreeMap<>();
      deltas.put(new LedgerSql.Key(account.value(), COFFEE.value()), pulled);
      LedgerSql.addToBalances(sync, deltas);

      Future<LedgerEvent> stamp = pool.submit(() -> append(Drafts.stamp(account).build()));
      // the stamp waits for the agent's row rather than making a second one
      assertThatThrownBy(() -> stamp.get(300, TimeUnit.MILLISECONDS))
          .isInstanceOf(java.util.concurrent.TimeoutException.class);
      sync.commit();

      assertThat(stamp.get(30, TimeUnit.SECONDS).tillSeq()).isEqualTo(1L);
    } finally {
      pool.shutdownNow();
    }
    assertThat(balance(account, COFFEE).units()).isEqualTo(4);
  }

  @Test
  void aRolledBackAppendGivesItsNumberBack() {
    AccountId account = addAccount();
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx -> {
                      tx.append(Drafts.stamp(account).build());
                      throw new IllegalStateException("the till lost power, say");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(append(Drafts.stamp(account).build()).tillSeq()).isEqualTo(1);
  }

  @Test
  void anExceptionInsideATransactionLeavesNothingBehind() throws SQLException {
    Account account = TestData.newAccount(clock.instant());
    EventDraft draft = Drafts.stamp(account.id()).build();
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx -> {
                      tx.addAccount(account);
                      tx.addIdentifier(
                          Identifier.linked(
                              IdentifierKind.PRINTED_CARD,
                              PrintedCard.fromSerial(77).number(),
                              account.id(),
                              clock.instant()));
                      tx.append(draft);
                      tx.markUsed("00112233445566778899aabbccddeeff", 42);
                      AuditLog.append(
                          tx,
                          clock.instant(),
                          "anna",
                          AuditAction.ADJUSTMENT,
                          "x",
                          "about to fail");
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");

    store.inTransaction(
        tx -> {
          assertThat(tx.findAccount(account.id())).isEmpty();
          assertThat(
                  tx.findIdentifier(
                      IdentifierKind.PRINTED_CARD, PrintedCard.fromSerial(77).number()))
              .isEmpty();
          assertThat(tx.event(draft.eventId())).isEmpty();
          assertThat(tx.balances(account.id())).isEmpty();
          assertThat(tx.lastAuditEntry()).isEmpty();
          assertThat(tx.markUsed("00112233445566778899aabbccddeeff", 42)).isTrue();
          return null;
        });
    try (Connection c = rawConnection();
        Statement s = c.createStatement()) {
      var r = s.executeQuery("SELECT COUNT(*) FROM till_sequence");
      r.next();
      assertThat(r.getLong(1)).isZero();
    }
  }

  @Test
  void aFailedAppendCantBeCommittedEvenWhenTheWorkSwallowsIt() {
    AccountId account = addAccount();
    EventDraft draft = Drafts.stamp(account).build();
    append(draft);

    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx -> {
                      tx.append(Drafts.stamp(account).build());
                      try {
                        tx.append(draft); // the same event again
                      } catch (RuntimeException swallowed) {
                        // carries on as if nothing happened
                      }
                      return "done";
                    }))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("rolled back");

    assertThat(balance(account, COFFEE).units()).isEqualTo(1);
    assertThat(append(Drafts.stamp(account).build()).tillSeq()).isEqualTo(2);
  }

  // --- the till's services over the real store ---

  @Test
  void stampsFillACardAndTheTillSaysSo() {
    TestTill till = new TestTill(store, clock);
    PrintedCard card = PrintedCard.fromSerial(1001);

    StampOutcome first = till.stamp(card, COFFEE);
    assertThat(first).isInstanceOf(StampOutcome.Given.class);
    assertThat(((StampOutcome.Given) first).newCustomer()).isTrue();
    StampOutcome last = first;
    for (int i = 2; i <= 10; i++) {
      last = till.stamp(card, COFFEE);
      assertThat(last).isInstanceOf(StampOutcome.Given.class);
      assertThat(((StampOutcome.Given) last).newCustomer()).isFalse();
    }
    StampOutcome.Given tenth = (StampOutcome.Given) last;
    assertThat(tenth.balance().units()).isEqualTo(10);
    assertThat(tenth.event().tillSeq()).isEqualTo(10);
    assertThat(tenth.event().flags()).containsExactly(EventFlag.STATIC_CODE);
    assertThat(store.<List<LedgerEvent>>inTransaction(tx -> tx.history(tenth.account(), COFFEE, 3)))
        .extracting(LedgerEvent::tillSeq)
        .containsExactly(10L, 9L, 8L);
  }

  @Test
  void theSameCardAgainAtOnceNeedsTheCashiersConfirmation() {
    TestTill till = new TestTill(store, clock);
    PrintedCard card = PrintedCard.fromSerial(1002);
    till.stamp(card, COFFEE);
    clock.advance(Duration.ofSeconds(-50)); // ten seconds after the first stamp

    StampOutcome again = till.stamp(card, COFFEE);
    assertThat(again).isInstanceOf(StampOutcome.NeedsConfirmation.class);
    StampOutcome confirmed = till.stamping.confirm((StampOutcome.NeedsConfirmation) again);
    assertThat(((StampOutcome.Given) confirmed).balance().units()).isEqualTo(2);
    assertThat(((StampOutcome.Given) confirmed).event().flags())
        .contains(EventFlag.CONFIRMED_REPEAT);
  }

  @Test
  void aFullCardIsSpentByRedemptionAndTheNextStampStartsANewCard() throws SQLException {
    TestTill till = new TestTill(store, clock);
    PrintedCard card = PrintedCard.fromSerial(1003);
    for (int i = 0; i < 10; i++) {
      till.stamp(card, COFFEE);
    }

    RedemptionOutcome checked = till.check(card, COFFEE);
    assertThat(checked).isInstanceOf(RedemptionOutcome.Checked.class);
    var pending = ((RedemptionOutcome.Checked) checked).pending();
    assertThat(pending.decision().refused()).isFalse();
    assertThat(pending.unitsToSpend()).isEqualTo(10);

    RedemptionOutcome done = till.redeeming.approve(pending, Optional.empty());
    assertThat(done).isInstanceOf(RedemptionOutcome.Redeemed.class);
    assertThat(((RedemptionOutcome.Redeemed) done).balance().units()).isZero();
    assertThat(((RedemptionOutcome.Redeemed) done).event().type()).isEqualTo(EventType.REDEEM);

    // approving the same check twice does not spend a second card
    assertThat(till.redeeming.approve(pending, Optional.empty()))
        .isEqualTo(new RedemptionOutcome.Refused("redeem.already-spent"));

    StampOutcome next = till.stamp(card, COFFEE);
    assertThat(((StampOutcome.Given) next).balance().units()).isEqualTo(1);
    assertThat(till.check(card, COFFEE))
        .satisfies(
            o ->
                assertThat(((RedemptionOutcome.Checked) o).pending().decision().refused())
                    .isTrue());
    try (Connection c = rawConnection()) {
      LedgerCheck.assertProjectionEqualsFold(c);
    }
    assertThat(store.inTransaction(AuditLog::verify).intact()).isTrue();
  }

  @Test
  void correctionsVoidAndAdjustWithAReasonAndNeverChangeAnEvent() throws SQLException {
    TestTill till = new TestTill(store, clock);
    PrintedCard card = PrintedCard.fromSerial(1004);
    List<LedgerEvent> stamps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      stamps.add(((StampOutcome.Given) till.stamp(card, COFFEE)).event());
    }
    AccountId account = stamps.get(0).account();

    CorrectionOutcome undone = till.corrections.undoLastStamp(ANNA, "stamped the wrong card");
    assertThat(undone).isInstanceOf(CorrectionOutcome.Done.class);
    assertThat(((CorrectionOutcome.Done) undone).event().ref()).contains(stamps.get(2).eventId());
    assertThat(balance(account, COFFEE).units()).isEqualTo(2);

    var maria = TestData.managerMaria();
    assertThat(till.corrections.voidEvent(stamps.get(0).eventId(), maria, "test stamp"))
        .isInstanceOf(CorrectionOutcome.Done.class);
    assertThat(till.corrections.voidEvent(stamps.get(0).eventId(), maria, "again"))
        .isEqualTo(new CorrectionOutcome.Refused("correction.already-voided"));
    assertThat(balance(account, COFFEE).units()).isEqualTo(1);

    assertThat(till.corrections.adjust(account, COFFEE, 5, maria, "card lost, five stamps"))
        .isInstanceOf(CorrectionOutcome.Done.class);
    assertThat(till.corrections.adjust(account, COFFEE, 5, TestData.cashierAnna(), "me too"))
        .isEqualTo(new CorrectionOutcome.Refused("correction.manager-only"));
    assertThat(balance(account, COFFEE).units()).isEqualTo(6);

    // the voided stamps are still there, unchanged
    for (LedgerEvent stamp : stamps) {
      assertThat(store.<Optional<LedgerEvent>>inTransaction(tx -> tx.event(stamp.eventId())))
          .contains(stamp);
    }
    try (Connection c = rawConnection()) {
      LedgerCheck.assertProjectionEqualsFold(c);
    }
    var audit = store.inTransaction(AuditLog::verify);
    assertThat(audit.intact()).isTrue();
    assertThat(audit.entries()).isEqualTo(3);
  }

  @Test
  void aMergedAccountsCardStampsTheAccountItWasMergedInto() throws SQLException {
    TestTill till = new TestTill(store, clock);
    PrintedCard oldCard = PrintedCard.fromSerial(1005);
    PrintedCard newCard = PrintedCard.fromSerial(1006);
    AccountId from = ((StampOutcome.Given) till.stamp(oldCard, COFFEE)).account();
    till.stamp(oldCard, COFFEE);
    till.stamp(oldCard, COFFEE);
    AccountId into = ((StampOutcome.Given) till.stamp(newCard, COFFEE)).account();
    till.stamp(newCard, COFFEE);

    assertThat(till.merger.merge(from, into, "maria", clock.instant())).isEmpty();
    assertThat(balance(into, COFFEE).units()).isEqualTo(5);
    // the merged account's balances are its target's, and only the target has rows
    assertThat(store.<List<Balance>>inTransaction(tx -> tx.balances(from)))
        .isEqualTo(store.<List<Balance>>inTransaction(tx -> tx.balances(into)));
    try (Connection c = rawConnection()) {
      assertThat(LedgerCheck.projection(c).keySet())
          .extracting(LedgerCheck.Key::account)
          .doesNotContain(from.value());
    }

    StampOutcome later = till.stamp(oldCard, COFFEE);
    assertThat(((StampOutcome.Given) later).account()).isEqualTo(into);
    assertThat(balance(into, COFFEE).units()).isEqualTo(6);
    assertThat(store.<List<LedgerEvent>>inTransaction(tx -> tx.history(into, COFFEE, 10)))
        .hasSize(6);
    try (Connection c = rawConnection()) {
      LedgerCheck.assertProjectionEqualsFold(c);
    }
  }

  @Test
  void wrongPinsLockAStaffMemberOutAndTheLockoutIsAudited() {
    TestTill till = new TestTill(store, clock);
    for (int i = 0; i < 2; i++) {
      assertThat(till.login.login(ANNA, "0000".toCharArray()))
          .isInstanceOf(LoginResult.Refused.class);
    }
    LoginResult third = till.login.login(ANNA, "0000".toCharArray());
    assertThat(((LoginResult.Refused) third).why()).isEqualTo(LoginResult.Why.LOCKED_OUT);
    LoginResult rightPinTooSoon = till.login.login(ANNA, TestData.ANNA_PIN.toCharArray());
    assertThat(((LoginResult.Refused) rightPinTooSoon).why()).isEqualTo(LoginResult.Why.LOCKED_OUT);

    clock.advance(Duration.ofMinutes(16));
    assertThat(till.login.login(ANNA, TestData.ANNA_PIN.toCharArray()))
        .isInstanceOf(LoginResult.LoggedIn.class);
    assertThat(store.inTransaction(tx -> tx.staffMember(ANNA)).orElseThrow().failedLogins())
        .isZero();
    var audit = store.inTransaction(AuditLog::verify);
    assertThat(audit.intact()).isTrue();
    assertThat(store.<List<AuditEntry>>inTransaction(tx -> tx.auditEntries(1, 10)))
        .extracting(e -> e.action())
        .containsExactly(AuditAction.STAFF_LOCKED_OUT);
  }

  @Test
  void auditVerifyFindsAnEntryEditedBehindTheTillsBack() throws SQLException {
    store.inTransaction(
        tx -> {
          for (int i = 1; i <= 3; i++) {
            AuditLog.append(
                tx, clock.instant(), "maria", AuditAction.ADJUSTMENT, "event-" + i, i + " stamps");
          }
          return null;
        });
    assertThat(store.inTransaction(AuditLog::verify).intact()).isTrue();

    try (Connection c = rawConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE audit_entry SET detail = '30 stamps' WHERE seq = 2");
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
    AuditLog.Verification verification = store.inTransaction(AuditLog::verify);
    assertThat(verification.intact()).isFalse();
    assertThat(verification.brokenAt()).contains(2L);
  }

  @Test
  void aUsedAppCodeSlotIsRefusedTheSecondTime() {
    assertThat(store.<Boolean>inTransaction(tx -> tx.markUsed("aa11", 100))).isTrue();
    assertThat(store.<Boolean>inTransaction(tx -> tx.markUsed("aa11", 100))).isFalse();
    assertThat(store.<Boolean>inTransaction(tx -> tx.markUsed("aa11", 101))).isTrue();
    // a refusal doesn't spoil the transaction it happens in
    assertThat(
            store.<Boolean>inTransaction(
                tx -> {
                  boolean again = tx.markUsed("aa11", 100);
                  tx.addAccount(TestData.newAccount(clock.instant()));
                  return again;
                }))
        .isFalse();
  }

  @Test
  void aReplayedAppCodeIsRefusedAtTheTill() {
    TestTill till = new TestTill(store, clock);
    clock.advance(Duration.ofMinutes(1));
    AppCodeMaker phone = AppCodeMaker.newPhone();
    AppCode firstUse = phone.firstUseAt(clock.instant());

    StampOutcome first = till.stamping.stamp(request(firstUse));
    assertThat(first).isInstanceOf(StampOutcome.Given.class);
    assertThat(((StampOutcome.Given) first).account().value()).isEqualTo(phone.accountId());
    Identifier device =
        store
            .inTransaction(
                tx -> tx.findIdentifier(IdentifierKind.APP_DEVICE, firstUse.identifierValue()))
            .orElseThrow();
    assertThat(device.publicKey()).hasValueSatisfying(k -> assertThat(k).hasSize(65));

    clock.advance(Duration.ofSeconds(5));
    assertThat(till.stamping.stamp(request(firstUse))).isInstanceOf(StampOutcome.Refused.class);

    clock.advance(Duration.ofSeconds(60));
    assertThat(till.stamping.stamp(request(phone.steadyAt(clock.instant()))))
        .isInstanceOf(StampOutcome.Given.class);
  }

  private static com.stampcard.core.till.StampRequest request(AppCode code) {
    return new com.stampcard.core.till.StampRequest(
        code,
        com.stampcard.core.code.InputMethod.CAMERA,
        COFFEE,
        ANNA,
        com.stampcard.core.program.Purchase.unknown());
  }

  // --- programs, accounts, staff ---

  @Test
  void everyProgramVersionIsKeptWithItsFullRules() throws SQLException {
    Program v2 = TestData.everyStampRule(2);
    store.inTransaction(
        tx -> {
          tx.saveProgram(v2);
          tx.saveProgram(TestData.everyPointsRule());
          return null;
        });

    assertThat(store.<Optional<Program>>inTransaction(tx -> tx.program(COFFEE))).contains(v2);
    assertThat(store.<List<Program>>inTransaction(tx -> tx.programs()))
        .containsExactly(v2, TestData.everyPointsRule());
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx -> {
                      tx.saveProgram(TestData.everyStampRule(2));
                      return null;
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("save version 3 or higher");
    try (Connection c = rawConnection();
        Statement s = c.createStatement()) {
      var r = s.executeQuery("SELECT COUNT(*) FROM program WHERE id = 'coffee-card'");
      r.next();
      assertThat(r.getLong(1)).isEqualTo(2);
    }
  }

  @Test
  void accountsIdentifiersAndStaffReadBackAsSaved() {
    Account account = TestData.newAccount(clock.instant());
    AppCodeMaker phone = AppCodeMaker.newPhone(account.id().value());
    Identifier device =
        Identifier.appDevice(
            phone.keyId().toString(),
            phone.uncompressedKey(),
            account.id(),
            Instant.parse("2026-11-24T10:00:00Z"));
    store.inTransaction(
        tx -> {
          tx.addAccount(account);
          tx.addIdentifier(device);
          return null;
        });
    store.inTransaction(
        tx -> {
          assertThat(tx.findIdentifier(IdentifierKind.APP_DEVICE, device.value())).contains(device);
          assertThat(tx.identifiersOf(account.id())).containsExactly(device);
          tx.updateIdentifier(device.revokedAt(Instant.parse("2026-11-25T10:00:00Z")));
          return null;
        });
    assertThat(
            store.<Optional<Identifier>>inTransaction(
                tx -> tx.findIdentifier(IdentifierKind.APP_DEVICE, device.value())))
        .hasValueSatisfying(i -> assertThat(i.revoked()).isTrue());
    assertThat(store.<List<StaffMember>>inTransaction(tx -> tx.staff()))
        .extracting(m -> m.id().value())
        .containsExactly("anna", "maria");
  }

  // --- helpers ---

  protected AccountId addAccount() {
    Account account = TestData.newAccount(clock.instant());
    store.inTransaction(
        tx -> {
          tx.addAccount(account);
          return null;
        });
    return account.id();
  }

  protected LedgerEvent append(EventDraft draft) {
    return store.inTransaction(tx -> tx.append(draft));
  }

  protected Balance balance(AccountId account, com.stampcard.core.program.ProgramId program) {
    return store.inTransaction(tx -> tx.balance(account, program));
  }

  static Set<EventFlag> noFlags() {
    return Set.of();
  }
}
