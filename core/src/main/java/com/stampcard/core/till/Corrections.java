package com.stampcard.core.till;

import com.stampcard.core.account.AccountId;
import com.stampcard.core.audit.AuditAction;
import com.stampcard.core.audit.AuditLog;
import com.stampcard.core.ledger.EventDraft;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.port.TillStore;
import com.stampcard.core.port.TillTransaction;
import com.stampcard.core.program.Program;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffMember;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Corrections to the books: nothing is changed or deleted, a VOID reverses one event and an ADJUST
 * adds or removes units, each with a reason and an audit entry.
 */
public final class Corrections {
  private final TillStore store;
  private final TillContext till;

  public Corrections(TillStore store, TillContext till) {
    this.store = store;
    this.till = till;
  }

  /**
   * Voids the cashier's own last stamp at this till, within the undo window. Only when it is this
   * till's latest event, so a cashier can't reach back past another's work.
   */
  public CorrectionOutcome undoLastStamp(StaffId cashier, String reason) {
    return store.inTransaction(
        tx -> {
          Optional<LedgerEvent> last = tx.lastEventAt(till.settings().till());
          if (last.isEmpty()
              || !last.get().type().earns()
              || !last.get().cashier().equals(cashier)) {
            return new CorrectionOutcome.Refused("undo.nothing-to-undo");
          }
          if (last.get().occurredAt().plus(till.settings().undoWindow()).isBefore(till.now())) {
            return new CorrectionOutcome.Refused("undo.too-late");
          }
          return voidIn(tx, last.get(), cashier, reason);
        });
  }

  /** A manager voids any event (for example a redemption found wrong in the review). */
  public CorrectionOutcome voidEvent(UUID eventId, StaffMember manager, String reason) {
    if (!manager.isManager()) {
      return new CorrectionOutcome.Refused("correction.manager-only");
    }
    return store.inTransaction(
        tx -> {
          Optional<LedgerEvent> target = tx.event(eventId);
          if (target.isEmpty()) {
            return new CorrectionOutcome.Refused("correction.no-such-event");
          }
          return voidIn(tx, target.get(), manager.id(), reason);
        });
  }

  /** A manager adds (positive) or removes (negative) stamps or points, with a reason. */
  public CorrectionOutcome adjust(
      AccountId account, ProgramId programId, long units, StaffMember manager, String reason) {
    if (!manager.isManager()) {
      return new CorrectionOutcome.Refused("correction.manager-only");
    }
    if (reason == null || reason.isBlank()) {
      return new CorrectionOutcome.Refused("correction.reason-needed");
    }
    if (units == 0) {
      return new CorrectionOutcome.Refused("correction.nothing-to-change");
    }
    return store.inTransaction(
        tx -> {
          Optional<Program> program = tx.program(programId);
          if (program.isEmpty()) {
            return new CorrectionOutcome.Refused("stamp.program-not-here");
          }
          if (tx.findAccount(account).isEmpty()) {
            return new CorrectionOutcome.Refused("correction.no-such-account");
          }
          LedgerEvent event =
              tx.append(
                  till.draft(
                      EventType.ADJUST,
                      account,
                      program.get(),
                      units,
                      manager.id(),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.of(reason.strip()),
                      Optional.of(manager.id()),
                      Set.of()));
          AuditLog.append(
              tx,
              till.now(),
              manager.id().value(),
              AuditAction.ADJUSTMENT,
              event.eventId().toString(),
              "account " + account + ", " + programId + ", " + units + " units: " + reason.strip());
          return new CorrectionOutcome.Done(event);
        });
  }

  /** Voids {@code target} in the caller's transaction, with an audit entry. */
  CorrectionOutcome voidIn(TillTransaction tx, LedgerEvent target, StaffId actor, String reason) {
    if (reason == null || reason.isBlank()) {
      return new CorrectionOutcome.Refused("correction.reason-needed");
    }
    if (target.type() == EventType.VOID) {
      return new CorrectionOutcome.Refused("correction.void-of-void");
    }
    if (tx.voidOf(target.eventId()).isPresent()) {
      return new CorrectionOutcome.Refused("correction.already-voided");
    }
    EventDraft draft =
        new EventDraft(
            till.newId(),
            target.account(),
            target.program(),
            target.programVersion(),
            EventType.VOID,
            -target.quantity(),
            till.settings().store(),
            till.settings().till(),
            actor,
            till.now(),
            till.tick(),
            Optional.empty(),
            Optional.of(target.eventId()),
            Optional.of(reason.strip()),
            Optional.empty(),
            Set.of());
    LedgerEvent event = tx.append(draft);
    AuditLog.append(
        tx,
        till.now(),
        actor.value(),
        AuditAction.VOID,
        event.eventId().toString(),
        "voids "
            + target.type()
            + " "
            + target.eventId()
            + " ("
            + target.quantity()
            + " units): "
            + reason.strip());
    return new CorrectionOutcome.Done(event);
  }
}
