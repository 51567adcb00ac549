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

/** Test data builder for ledger events. */
public final class Events {
  public static final AccountId ACCOUNT = AccountId.of("01890000-0000-7000-8000-000000000001");
  public static final ProgramId COFFEE = new ProgramId("coffee-card");

  private EventType type = EventType.STAMP;
  private long quantity = 1;
  private Instant at = Instant.parse("2026-11-24T09:00:00Z");
  private long seq = 1;
  private Optional<UUID> ref = Optional.empty();
  private Optional<String> reason = Optional.empty();

  public static Events stamp() {
    return new Events();
  }

  public static Events of(EventType type, long quantity) {
    Events e = new Events();
    e.type = type;
    e.quantity = quantity;
    if (type == EventType.VOID || type == EventType.ADJUST) {
      e.reason = Optional.of("test");
    }
    if (type == EventType.VOID) {
      e.ref = Optional.of(UUID.randomUUID());
    }
    return e;
  }

  public Events at(Instant value) {
    this.at = value;
    return this;
  }

  public Events seq(long value) {
    this.seq = value;
    return this;
  }

  public LedgerEvent build() {
    return new LedgerEvent(
        UUID.randomUUID(),
        ACCOUNT,
        COFFEE,
        1,
        type,
        quantity,
        new StoreId("cafe-norr"),
        new TillId("cafe-norr-1"),
        seq,
        new StaffId("anna"),
        at,
        1,
        Optional.of(InputMethod.SCANNER),
        ref,
        reason,
        Optional.empty(),
        Set.of());
  }
}
