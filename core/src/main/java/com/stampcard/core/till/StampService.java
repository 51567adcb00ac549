package com.stampcard.core.till;

import com.stampcard.core.account.AccountId;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.ledger.Balance;
import com.stampcard.core.ledger.EventFlag;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.port.TillStore;
import com.stampcard.core.port.TillTransaction;
import com.stampcard.core.program.Award;
import com.stampcard.core.program.Program;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.program.ProgramKind;
import com.stampcard.core.program.Purchase;
import com.stampcard.core.program.StampProgram;
import com.stampcard.core.redeem.CodeTrust;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffMember;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stamp mode: a read gives a stamp (or points) at once, committed locally in one transaction with
 * the balance. Runs on a worker thread; never waits on the network.
 */
public final class StampService {
  private final TillStore store;
  private final TillContext till;
  private final CustomerLookup lookup;
  private final AtomicReference<RecentRead> lastRead = new AtomicReference<>();

  public StampService(TillStore store, TillContext till, CustomerLookup lookup) {
    this.store = store;
    this.till = till;
    this.lookup = lookup;
  }

  public StampOutcome stamp(StampRequest request) {
    StampOutcome outcome = stampIn(request);
    remember(outcome, request.cashier());
    return outcome;
  }

  private StampOutcome stampIn(StampRequest request) {
    return store.inTransaction(
        tx -> {
          Instant now = till.now();
          Optional<Program> usable = usableProgram(tx, request.program(), request.cashier());
          if (usable.isEmpty()) {
            return refusalFor(tx, request.program());
          }
          Program program = usable.get();
          Lookup found = lookup.find(tx, request.code(), request.input(), true);
          if (found instanceof Lookup.Refused r) {
            return new StampOutcome.Refused(r.messageKey());
          }
          Lookup.Found customer = (Lookup.Found) found;
          AccountId account = customer.account().id();
          Balance balance = tx.balance(account, program.id());
          if (!customer.opened()) {
            Optional<StampOutcome.NeedsConfirmation.Why> doubt =
                doubtAbout(tx, account, program, balance, now);
            if (doubt.isPresent()) {
              return new StampOutcome.NeedsConfirmation(
                  doubt.get(),
                  account,
                  program,
                  balance,
                  request.cashier(),
                  request.input(),
                  request.purchase());
            }
          }
          return give(
              tx,
              program,
              account,
              balance,
              request.cashier(),
              request.input(),
              request.purchase(),
              customer.opened(),
              flagsFor(request.input(), customer.trust()));
        });
  }

  /** Stamps after the cashier confirmed what the till questioned. */
  public StampOutcome confirm(StampOutcome.NeedsConfirmation question) {
    StampOutcome outcome = confirmIn(question);
    remember(outcome, question.cashier());
    return outcome;
  }

  /**
   * Takes the customer last read in stamp mode, if read since {@code since}; a second call gets
   * nothing, so one read serves one purchase. Any thread.
   */
  public Optional<RecentRead> takeLastRead(Instant since) {
    RecentRead read = lastRead.get();
    if (read == null || read.at().isBefore(since) || !lastRead.compareAndSet(read, null)) {
      return Optional.empty();
    }
    return Optional.of(read);
  }

  private void remember(StampOutcome outcome, StaffId cashier) {
    Instant now = till.now();
    if (outcome instanceof StampOutcome.Given g) {
      lastRead.set(new RecentRead(g.account(), cashier, now, Optional.of(g.event())));
    } else if (outcome instanceof StampOutcome.NothingGiven n) {
      lastRead.set(new RecentRead(n.account(), cashier, now, Optional.empty()));
    } else if (outcome instanceof StampOutcome.NeedsConfirmation q) {
      lastRead.set(new RecentRead(q.account(), cashier, now, Optional.empty()));
    }
  }

  private StampOutcome confirmIn(StampOutcome.NeedsConfirmation question) {
    return store.inTransaction(
        tx -> {
          Optional<Program> usable = usableProgram(tx, question.program().id(), question.cashier());
          if (usable.isEmpty()) {
            return refusalFor(tx, question.program().id());
          }
          Program program = usable.get();
          Set<EventFlag> flags = EnumSet.of(EventFlag.CONFIRMED_REPEAT);
          if (question.input() == InputMethod.TYPED) {
            flags.add(EventFlag.TYPED_CODE);
          }
          return give(
              tx,
              program,
              question.account(),
              tx.balance(question.account(), program.id()),
              question.cashier(),
              question.input(),
              question.purchase(),
              false,
              flags);
        });
  }

  /** The program, if it runs at this store and the cashier may use it. */
  private Optional<Program> usableProgram(
      TillTransaction tx, ProgramId programId, StaffId cashierId) {
    Optional<Program> program = tx.program(programId);
    if (program.isEmpty() || !program.get().runsAt(till.settings().store())) {
      return Optional.empty();
    }
    Optional<StaffMember> cashier = tx.staffMember(cashierId);
    if (cashier.isEmpty() || !cashier.get().mayUse(programId)) {
      return Optional.empty();
    }
    return program;
  }

  /** Why {@link #usableProgram} found nothing: the program, or the cashier's permission. */
  private StampOutcome.Refused refusalFor(TillTransaction tx, ProgramId programId) {
    Optional<Program> program = tx.program(programId);
    return new StampOutcome.Refused(
        program.isEmpty() || !program.get().runsAt(till.settings().store())
            ? "stamp.program-not-here"
            : "stamp.cashier-not-allowed");
  }

  private Optional<StampOutcome.NeedsConfirmation.Why> doubtAbout(
      TillTransaction tx, AccountId account, Program program, Balance balance, Instant now) {
    Optional<LedgerEvent> last = tx.lastEventAt(till.settings().till());
    if (last.isPresent()
        && last.get().type().earns()
        && last.get().program().equals(program.id())
        && last.get().account().equals(account)
        && last.get().occurredAt().plus(till.settings().repeatWindow()).isAfter(now)) {
      return Optional.of(StampOutcome.NeedsConfirmation.Why.SAME_CARD_AGAIN);
    }
    if (program instanceof StampProgram stamps
        && !stamps.cooldown().isZero()
        && balance.lastEarnedAt().isPresent()
        && balance.lastEarnedAt().get().plus(stamps.cooldown()).isAfter(now)) {
      return Optional.of(StampOutcome.NeedsConfirmation.Why.INSIDE_COOLDOWN);
    }
    return Optional.empty();
  }

  private StampOutcome give(
      TillTransaction tx,
      Program program,
      AccountId account,
      Balance balance,
      StaffId cashier,
      InputMethod input,
      Purchase purchase,
      boolean newCustomer,
      Set<EventFlag> flags) {
    return give(
        tx,
        program,
        account,
        balance,
        cashier,
        input,
        program.award(purchase, till.localNow()),
        newCustomer,
        flags);
  }

  /**
   * Records {@code award} (after lapsing stamps or points past the program's expiry), in the
   * caller's transaction. The cash register's purchases come here too.
   */
  StampOutcome give(
      TillTransaction tx,
      Program program,
      AccountId account,
      Balance balance,
      StaffId cashier,
      InputMethod input,
      Award award,
      boolean newCustomer,
      Set<EventFlag> flags) {
    if (balance.lapsedAt(till.now(), program.expiry())) {
      tx.append(
          till.draft(
              EventType.ADJUST,
              account,
              program,
              -balance.units(),
              cashier,
              Optional.empty(),
              Optional.empty(),
              Optional.of("expired"),
              Optional.empty(),
              Set.of(EventFlag.EXPIRY)));
      balance = tx.balance(account, program.id());
    }
    if (award.nothing()) {
      return new StampOutcome.NothingGiven(account, program, balance, award.notes());
    }
    EventType type = program.kind() == ProgramKind.STAMPS ? EventType.STAMP : EventType.POINTS_EARN;
    LedgerEvent event =
        tx.append(
            till.draft(
                type,
                account,
                program,
                award.quantity(),
                cashier,
                Optional.of(input),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                flags));
    // The balance read above is the account's (its root's) in this same transaction: add the
    // event to it rather than read it back.
    return new StampOutcome.Given(
        account, program, event, balance.apply(event), newCustomer, List.copyOf(award.notes()));
  }

  static Set<EventFlag> flagsFor(InputMethod input, CodeTrust trust) {
    Set<EventFlag> flags = EnumSet.noneOf(EventFlag.class);
    if (input == InputMethod.TYPED || trust == CodeTrust.TYPED) {
      flags.add(EventFlag.TYPED_CODE);
    } else if (trust == CodeTrust.STATIC) {
      flags.add(EventFlag.STATIC_CODE);
    }
    return flags;
  }
}
