package com.stampcard.store.entity;

import com.stampcard.core.account.AccountId;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.ledger.EventFlag;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.staff.StaffId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code ledger_event}. Immutable: Hibernate never issues an UPDATE for it, and the store
 * has no code path that deletes one.
 */
@Entity
@Immutable
@Table(name = "ledger_event")
public class LedgerEventEntity {
  @Id
  @Column(name = "event_id")
  private UUID eventId;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(name = "program_id", nullable = false)
  private String programId;

  @Column(name = "program_version", nullable = false)
  private int programVersion;

  @Column(name = "type", nullable = false)
  private String type;

  @Column(name = "quantity", nullable = false)
  private long quantity;

  @Column(name = "store_id", nullable = false)
  private String storeId;

  @Column(name = "till_id", nullable = false)
  private String tillId;

  @Column(name = "till_seq", nullable = false)
  private long tillSeq;

  @Column(name = "cashier_id", nullable = false)
  private String cashierId;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "hlc", nullable = false)
  private long hlc;

  @Column(name = "input_method")
  private String inputMethod;

  @Column(name = "ref_event_id")
  private UUID refEventId;

  @Column(name = "reason")
  private String reason;

  @Column(name = "approved_by")
  private String approvedBy;

  @Column(name = "flags", nullable = false)
  private String flags;

  protected LedgerEventEntity() {}

  public static LedgerEventEntity from(LedgerEvent event) {
    LedgerEventEntity e = new LedgerEventEntity();
    e.eventId = event.eventId();
    e.accountId = event.account().value();
    e.programId = event.program().value();
    e.programVersion = event.programVersion();
    e.type = event.type().name();
    e.quantity = event.quantity();
    e.storeId = event.store().value();
    e.tillId = event.till().value();
    e.tillSeq = event.tillSeq();
    e.cashierId = event.cashier().value();
    e.occurredAt = Times.stored(event.occurredAt());
    e.hlc = event.hlc();
    e.inputMethod = event.input().map(InputMethod::name).orElse(null);
    e.refEventId = event.ref().orElse(null);
    e.reason = event.reason().orElse(null);
    e.approvedBy = event.approvedBy().map(StaffId::value).orElse(null);
    e.flags = flagsText(event.flags());
    return e;
  }

  public LedgerEvent toEvent() {
    return new LedgerEvent(
        eventId,
        new AccountId(accountId),
        new ProgramId(programId),
        programVersion,
        EventType.valueOf(type),
        quantity,
        new StoreId(storeId),
        new TillId(tillId),
        tillSeq,
        new StaffId(cashierId),
        occurredAt,
        hlc,
        Optional.ofNullable(inputMethod).map(InputMethod::valueOf),
        Optional.ofNullable(refEventId),
        Optional.ofNullable(reason),
        Optional.ofNullable(approvedBy).map(StaffId::new),
        flagsOf(flags));
  }

  /** Flag names in declaration order, comma-separated; "" for none. */
  public static String flagsText(Set<EventFlag> flags) {
    if (flags.isEmpty()) {
      return "";
    }
    return EnumSet.copyOf(flags).stream().map(Enum::name).collect(Collectors.joining(","));
  }

  static Set<EventFlag> flagsOf(String text) {
    if (text.isEmpty()) {
      return Set.of();
    }
    return Arrays.stream(text.split(","))
        .map(EventFlag::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventFlag.class)));
  }

  public UUID accountId() {
    return accountId;
  }

  public String programId() {
    return programId;
  }

  public long quantity() {
    return quantity;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public EventType type() {
    return EventType.valueOf(type);
  }
}
