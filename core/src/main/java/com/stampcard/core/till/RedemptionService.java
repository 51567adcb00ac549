package com.stampcard.core.till;

import com.stampcard.core.audit.AuditAction;
import com.stampcard.core.audit.AuditLog;
import com.stampcard.core.ledger.Balance;
import com.stampcard.core.ledger.EventDraft;
import com.stampcard.core.ledger.EventFlag;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.ledger.StampCard;
import com.stampcard.core.port.TillStore;
import com.stampcard.core.port.TillTransaction;
import com.stampcard.core.program.PointsProgram;
import com.stampcard.core.program.Program;
import com.stampcard.core.program.RewardThreshold;
import com.stampcard.core.program.StampProgram;
import com.stampcard.core.redeem.CodeTrust;
import com.stampcard.core.redeem.Decision;
import com.stampcard.core.redeem.Reason;
import com.stampcard.core.redeem.RedemptionFacts;
import com.stampcard.core.redeem.RedemptionPolicy;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffMember;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Redeem mode: the read runs the automatic security check ({@link #check}); the cashier sees the
 * card and the verdict and approves ({@link #approve}) or cancels (nothing to call: a check records
 * nothing but the spent app-code time step).
 */
public final class RedemptionService {
  private static final int HISTORY = 5;

  private final TillStore store;
  private final TillContext till;
  private final CustomerLookup lookup;
  private final RedemptionPolicy policy;
  private final RedemptionAuthority authority;

  public RedemptionService(
      TillStore store,
      TillContext till,
      CustomerLookup lookup,
      RedemptionPolicy policy,
      RedemptionAuthority authority) {
    this.store = store;
    this.till = till;
    this.lookup = lookup;
    this.policy = policy;
    this.authority = authority;
  }

  /** Runs the security check for the code just read. Records nothing. */
  public RedemptionOutcome check(RedeemRequest request) {
    return store.inTransaction(
        tx -> {
          Optional<Program> program = tx.program(request.program());
          if (program.isEmpty() || !program.get().runsAt(till.settings().store())) {
            return new RedemptionOutcome.Refused("stamp.program-not-here");
          }
          Optional<StaffMember> cashier = tx.staffMember(request.cashier());
          if (cashier.isEmpty() || !cashier.get().mayUse(request.program())) {
            return new RedemptionOutcome.Refused("stamp.cashier-not-allowed");
          }
          Lookup found = lookup.find(tx, request.code(), request.input(), false);
          if (found instanceof Lookup.Refused r) {
            return new RedemptionOutcome.Refused(r.messageKey());
          }
          Lookup.Found customer = (Lookup.Found) found;
          Balance balance = tx.balance(customer.account().id(), program.get().id());
          Spend spend = spendFor(program.get(), balance);
          Decision decision =
              policy.decide(
                  facts(
                      tx,
                      program.get(),
                      request.cashier(),
                      customer.trust(),
                      balance,
                      spend,
                      authority.online()));
          return new RedemptionOutcome.Checked(
              new PendingRedemption(
                  customer.account().id(),
                  program.get(),
                  balance,
                  spend.units(),
                  spend.reward(),
                  decision,
                  tx.history(customer.account().id(), program.get().id(), HISTORY),
                  request.input(),
                  customer.trust(),
                  request.cashier()));
        });
  }

  /**
   * Records the redemption the cashier approved. A decision that needs a manager needs {@code
   * manager}, already logged in with their PIN. Asks the server first when there is one; when it
   * can't be reached, redeems offline if the budget allows. The card must still be full.
   */
  public RedemptionOutcome approve(PendingRedemption pending, Optional<StaffMember> manager) {
    Decision decision = pending.decision();
    if (decision.refused()) {
      return new RedemptionOutcome.Refused("redeem.refused");
    }
    if (decision.needsManager() && (manager.isEmpty() || !manager.get().isManager())) {
      return new RedemptionOutcome.Refused("redeem.manager-needed");
    }
    Set<EventFlag> flags = EnumSet.noneOf(EventFlag.class);
    flags.addAll(StampService.flagsFor(pending.input(), pending.trust()));
    manager.filter(StaffMember::isManager).ifPresent(m -> flags.add(EventFlag.MANAGER_APPROVED));
    String reasons = decision.reasons().stream().map(Reason::name).collect(Collectors.joining(","));
    EventDraft draft =
        till.draft(
            typeFor(pending.program()),
            pending.account(),
            pending.program(),
            -pending.unitsToSpend(),
            pending.cashier(),
            Optional.of(pending.input()),
            Optional.empty(),
            reasons.isEmpty() ? Optional.empty() : Optional.of(reasons),
            manager.filter(StaffMember::isManager).map(StaffMember::id),
            flags);

    boolean offline = false;
    if (!authority.standalone()) {
      RedemptionAuthority.Answer answer = authority.spend(draft);
      if (answer instanceof RedemptionAuthority.Answer.Declined declined) {
        return new RedemptionOutcome.Refused(declined.messageKey());
      }
      if (answer instanceof RedemptionAuthority.Answer.Unreachable) {
        offline = true;
      }
    }
    boolean recordedOffline = offline;
    EventDraft finalDraft = offline ? withFlag(draft, EventFlag.OFFLINE) : draft;
    return store.inTransaction(
        tx -> {
          Balance balance = tx.balance(pending.account(), pending.program().id());
          if (recordedOffline) {
            Decision offlineDecision =
                policy.decide(
                    facts(
                        tx,
                        pending.program(),
                        pending.cashier(),
                        pending.trust(),
                        balance,
                        spendFor(pending.program(), balance),
                        false));
            if (offlineDecision.refused()) {
              return new RedemptionOutcome.Refused(
                  offlineDecision.reasons().stream()
                      .filter(r -> r.defaultSeverity() == Reason.Severity.REFUSE)
                      .findFirst()
                      .map(Reason::messageKey)
                      .orElse("redeem.refused"));
            }
          }
          if (balance.units() < pending.unitsToSpend()
              && (authority.standalone() || recordedOffline)) {
            return new RedemptionOutcome.Refused("redeem.already-spent");
          }
          LedgerEvent event = tx.append(finalDraft);
          AuditLog.append(
              tx,
              till.now(),
              pending.cashier().value(),
              AuditAction.REDEMPTION,
              event.eventId().toString(),
              "account "
                  + pending.account()
                  + ", "
                  + pending.program().id()
                  + " v"
                  + pending.program().version()
                  + ", "
                  + pending.unitsToSpend()
                  + " units"
                  + event.approvedBy().map(m -> ", approved by " + m).orElse("")
                  + (recordedOffline ? ", offline" : ""));
          return new RedemptionOutcome.Redeemed(
              event, tx.balance(pending.account(), pending.program().id()), recordedOffline);
        });
  }

  private RedemptionFacts facts(
      TillTransaction tx,
      Program program,
      StaffId cashier,
      CodeTrust trust,
      Balance balance,
      Spend spend,
      boolean online) {
    TillId tillId = till.settings().till();
    Instant today = till.startOfToday();
    return new RedemptionFacts(
        spend.possible(),
        program instanceof StampProgram,
        trust,
        balance.lastEarnedAt(),
        redemptionsSince(tx, tillId, today, Optional.of(cashier)),
        redemptionsSince(tx, tillId, today, Optional.empty()),
        authority.standalone(),
        online,
        tx.countFlaggedAtTill(tillId, EventFlag.OFFLINE, today),
        authority.lastSyncAt(),
        till.now());
  }

  private static long redemptionsSince(
      TillTransaction tx, TillId tillId, Instant since, Optional<StaffId> cashier) {
    return tx.countAtTill(tillId, EventType.REDEEM, since, cashier)
        + tx.countAtTill(tillId, EventType.POINTS_SPEND, since, cashier);
  }

  private static EventType typeFor(Program program) {
    return program instanceof StampProgram ? EventType.REDEEM : EventType.POINTS_SPEND;
  }

  private static EventDraft withFlag(EventDraft d, EventFlag flag) {
    Set<EventFlag> flags = EnumSet.noneOf(EventFlag.class);
    flags.addAll(d.flags());
    flags.add(flag);
    return new EventDraft(
        d.eventId(),
        d.account(),
        d.program(),
        d.programVersion(),
        d.type(),
        d.quantity(),
        d.store(),
        d.till(),
        d.cashier(),
        d.occurredAt(),
        d.hlc(),
        d.input(),
        d.ref(),
        d.reason(),
        d.approvedBy(),
        flags);
  }

  /** What a redemption would spend now, and whether the balance allows it. */
  private record Spend(boolean possible, long units, String reward) {}

  private static Spend spendFor(Program program, Balance balance) {
    if (program instanceof StampProgram s) {
      StampCard card = new StampCard(s.stampsRequired(), balance.units());
      return new Spend(card.full(), s.stampsRequired(), s.reward());
    }
    PointsProgram p = (PointsProgram) program;
    RewardThreshold first = p.rewards().get(0);
    return p.rewardReachedWith(balance.units())
        .map(r -> new Spend(true, r.points(), r.reward()))
        .orElse(new Spend(false, first.points(), first.reward()));
  }
}
