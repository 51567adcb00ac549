package com.stampcard.store;

import com.stampcard.core.account.AccountId;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.ledger.EventDraft;
import com.stampcard.core.ledger.EventFlag;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.staff.StaffId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Builds event drafts: a stamp at till-1 by Anna, unless told otherwise. */
public final class Drafts {
  private static final AtomicLong HLC = new AtomicLong(1);

  private AccountId account;
  private ProgramId program = TestData.COFFEE;
  private EventType type = EventType.STAMP;
  private long quantity = 1;
  private TillId till = TestData.TILL;
  private StaffId cashier = TestData.ANNA;
  private Instant at = Instant.parse("2026-11-24T14:00:00Z");
  private Optional<UUID> ref = Optional.empty();
  private Optional<String> reason = Optional.empty();
  private Set<EventFlag> flags = Set.of();

  private Drafts(AccountId account) {
    this.account = account;
  }

  public static Drafts stamp(AccountId account) {
    return new Drafts(account);
  }

  public static Drafts of(EventType type, AccountId account, long quantity) {
    Drafts d = new Drafts(account);
    d.type = type;
    d.quantity = quantity;
    if (type == EventType.VOID || type == EventType.ADJUST) {
      d.reason = Optional.of("test correction");
    }
    return d;
  }

  public Drafts program(ProgramId value) {
    program = value;
    return this;
  }

  public Drafts till(TillId value) {
    till = value;
    return this;
  }

  public Drafts at(Instant value) {
    at = value;
    return this;
  }

  public Drafts voiding(UUID event) {
    ref = Optional.of(event);
    return this;
  }

  public Drafts flags(EventFlag first, EventFlag... more) {
    flags = EnumSet.of(first, more);
    return this;
  }

  public EventDraft build() {
    return new EventDraft(
        UUID.randomUUID(),
        account,
        program,
        1,
        type,
        quantity,
        TestData.STORE,
        till,
        cashier,
        at,
        HLC.getAndIncrement(),
        type.earns() ? Optional.of(InputMethod.SCANNER) : Optional.empty(),
        ref,
        reason,
        Optional.empty(),
        flags);
  }
}
