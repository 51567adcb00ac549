package com.stampcard.core.ledger;

import com.stampcard.core.account.AccountId;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.staff.StaffId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An event before the till's store gives it its place: everything but {@code tillSeq}. The store
 * assigns the next gapless sequence number in the same transaction that inserts the event.
 */
public record EventDraft(
    UUID eventId,
    AccountId account,
    ProgramId program,
    int programVersion,
    EventType type,
    long quantity,
    StoreId store,
    TillId till,
    StaffId cashier,
    Instant occurredAt,
    long hlc,
    Optional<InputMethod> input,
    Optional<UUID> ref,
    Optional<String> reason,
    Optional<StaffId> approvedBy,
    Set<EventFlag> flags) {

  /** The event with its place in the till's sequence; validates the event's rules. */
  public LedgerEvent at(long tillSeq) {
    return new LedgerEvent(
        eventId,
        account,
        program,
        programVersion,
        type,
        quantity,
        store,
        till,
        tillSeq,
        cashier,
        occurredAt,
        hlc,
        input,
        ref,
        reason,
        approvedBy,
        flags);
  }
}
