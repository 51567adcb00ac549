package com.stampcard.core.ledger;

import com.stampcard.core.account.AccountId;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.staff.StaffId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One immutable fact on the ledger. Nothing is updated or deleted: a correction is a new VOID or
 * ADJUST event that names the one it corrects.
 *
 * @param eventId UUIDv7 made on the till; the event's key everywhere, forever
 * @param quantity the signed change to the balance: stamps for a stamp program, points for a points
 *     program
 * @param tillSeq gapless per till, from 1
 * @param hlc hybrid logical clock at the till, see {@link
 *     com.stampcard.core.time.HybridLogicalClock}
 * @param input how the customer's code was read; empty for events no code was read for
 * @param ref the event a VOID or ADJUST corrects
 * @param approvedBy the manager who approved, when one had to
 */
public record LedgerEvent(
    UUID eventId,
    AccountId account,
    ProgramId program,
    int programVersion,
    EventType type,
    long quantity,
    StoreId store,
    TillId till,
    long tillSeq,
    StaffId cashier,
    Instant occurredAt,
    long hlc,
    Optional<InputMethod> input,
    Optional<UUID> ref,
    Optional<String> reason,
    Optional<StaffId> approvedBy,
    Set<EventFlag> flags) {

  public LedgerEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(till, "till");
    Objects.requireNonNull(cashier, "cashier");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(approvedBy, "approvedBy");
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    if (tillSeq < 1) {
      throw new IllegalArgumentException("till_seq starts at 1");
    }
    if (programVersion < 1) {
      throw new IllegalArgumentException("program versions start at 1");
    }
    switch (type) {
      case STAMP, POINTS_EARN -> requireSign(quantity > 0, "an earning event adds");
      case REDEEM, POINTS_SPEND -> requireSign(quantity < 0, "a spending event subtracts");
      case VOID, ADJUST -> {
        requireSign(quantity != 0, "a correction changes the balance");
        if (reason.isEmpty() || reason.get().isBlank()) {
          throw new IllegalArgumentException("a " + type + " needs a reason");
        }
      }
    }
    if (type == EventType.VOID && ref.isEmpty()) {
      throw new IllegalArgumentException("a VOID names the event it voids");
    }
  }

  private static void requireSign(boolean ok, String rule) {
    if (!ok) {
      throw new IllegalArgumentException(rule);
    }
  }

  public boolean hasFlag(EventFlag flag) {
    return flags.contains(flag);
  }
}
