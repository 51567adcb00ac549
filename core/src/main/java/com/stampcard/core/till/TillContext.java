package com.stampcard.core.till;

import com.stampcard.core.account.AccountId;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.id.IdGenerator;
import com.stampcard.core.ledger.EventDraft;
import com.stampcard.core.ledger.EventFlag;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.program.Program;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.time.HybridLogicalClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The till's settings, clocks and id source, shared by its services. */
public final class TillContext {
  private final TillSettings settings;
  private final Clock clock;
  private final IdGenerator ids;
  private final HybridLogicalClock hlc;

  public TillContext(TillSettings settings, Clock clock, IdGenerator ids, HybridLogicalClock hlc) {
    this.settings = settings;
    this.clock = clock;
    this.ids = ids;
    this.hlc = hlc;
  }

  public TillSettings settings() {
    return settings;
  }

  public Instant now() {
    return clock.instant();
  }

  public ZonedDateTime localNow() {
    return ZonedDateTime.now(clock.withZone(settings.zone()));
  }

  /** Midnight today in the store's time zone. */
  public Instant startOfToday() {
    return localNow().toLocalDate().atStartOfDay(settings.zone()).toInstant();
  }

  public UUID newId() {
    return ids.next();
  }

  /**
   * Continues the hybrid logical clock after {@code highestOnFile}, the highest value the till's
   * ledger holds: every value from now on is greater, even if the wall clock went back while the
   * till was closed. Called once, when the store has opened.
   */
  public void continueAfter(long highestOnFile) {
    hlc.receive(highestOnFile);
  }

  /** The next hybrid logical clock value. */
  public long tick() {
    return hlc.tick();
  }

  /** A new event at this till, now. */
  public EventDraft draft(
      EventType type,
      AccountId account,
      Program program,
      long quantity,
      StaffId cashier,
      Optional<InputMethod> input,
      Optional<UUID> ref,
      Optional<String> reason,
      Optional<StaffId> approvedBy,
      Set<EventFlag> flags) {
    return new EventDraft(
        ids.next(),
        account,
        program.id(),
        program.version(),
        type,
        quantity,
        settings.store(),
        settings.till(),
        cashier,
        clock.instant(),
        hlc.tick(),
        input,
        ref,
        reason,
        approvedBy,
        flags);
  }
}
