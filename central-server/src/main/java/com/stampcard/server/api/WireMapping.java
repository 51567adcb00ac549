package com.stampcard.server.api;

import com.stampcard.core.account.Account;
import com.stampcard.core.account.AccountId;
import com.stampcard.core.account.AccountStatus;
import com.stampcard.core.account.Identifier;
import com.stampcard.core.code.IdentifierKind;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.ledger.EventDraft;
import com.stampcard.core.ledger.EventFlag;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.sync.WireAccount;
import com.stampcard.core.sync.WireEvent;
import com.stampcard.core.sync.WireIdentifier;
import com.stampcard.server.http.Fields;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns wire records into core values, checking every field, and back. A bad field is recorded in
 * {@link Fields} under its path in the request; the answer is then null.
 */
public final class WireMapping {
  /** Events may not claim to come from before 2020 or from more than a day ahead. */
  private static final Instant EARLIEST = Instant.parse("2020-01-01T00:00:00Z");

  private static final int MAX_REASON = 1000;
  private static final java.util.regex.Pattern IDENTIFIER_VALUE =
      java.util.regex.Pattern.compile("[0-9A-Za-z+/=_-]+");
  private static final long MAX_QUANTITY = 1_000_000_000L;

  private WireMapping() {}

  /** The event's draft (everything but till_seq), checked against the ledger's rules. */
  public static EventDraft draft(WireEvent w, Fields f, String at, Instant now) {
    if (w == null) {
      f.check(false, at, "is required");
      return null;
    }
    Fields.Scope in = f.in(at);
    UUID id = in.required(".event_id", w.eventId());
    UUID account = in.required(".account_id", w.accountId());
    ProgramId program = in.parse(".program_id", w.programId(), ProgramId::new);
    Integer version = in.required(".program_version", w.programVersion());
    EventType type = in.parse(".type", w.type(), t -> parseEnum(EventType.class, t));
    Long quantity = in.required(".quantity", w.quantity());
    if (quantity != null) {
      in.check(Math.abs(quantity) <= MAX_QUANTITY, ".quantity", "must be within ±" + MAX_QUANTITY);
    }
    StoreId store = in.parse(".store_id", w.storeId(), StoreId::new);
    TillId till = in.parse(".till_id", w.tillId(), TillId::new);
    StaffId cashier = in.parse(".cashier_id", w.cashierId(), StaffId::new);
    Instant occurred = in.parse(".occurred_at", w.occurredAt(), Instant::parse);
    if (occurred != null) {
      in.check(
          !occurred.isBefore(EARLIEST) && !occurred.isAfter(now.plusSeconds(86_400)),
          ".occurred_at",
          "must lie between 2020 and a day from now (is the till's clock right?)");
    }
    Long hlc = in.required(".hlc", w.hlc());
    if (hlc != null) {
      in.check(hlc >= 0, ".hlc", "can't be negative");
    }
    InputMethod input =
        in.optional(".input_method", w.inputMethod(), t -> parseEnum(InputMethod.class, t));
    String reason = w.reason();
    if (reason != null) {
      in.check(
          reason.length() <= MAX_REASON,
          ".reason",
          "may have " + MAX_REASON + " characters at most");
    }
    StaffId approvedBy = in.optional(".approved_by", w.approvedBy(), StaffId::new);
    Set<EventFlag> flags = EnumSet.noneOf(EventFlag.class);
    List<String> names = w.flags() == null ? List.of() : w.flags();
    in.check(names.size() <= EventFlag.values().length, ".flags", "has too many flags");
    for (int i = 0; i < names.size() && i < EventFlag.values().length; i++) {
      EventFlag flag =
          f.parse(at + ".flags[" + i + "]", names.get(i), t -> parseEnum(EventFlag.class, t));
      if (flag != null) {
        flags.add(flag);
      }
    }
    if (!f.ok()) {
      return null;
    }
    EventDraft draft =
        new EventDraft(
            id,
            new AccountId(account),
            program,
            version,
            type,
            quantity,
            store,
            till,
            cashier,
            occurred,
            hlc,
            Optional.ofNullable(input),
            Optional.ofNullable(w.refEventId()),
            Optional.ofNullable(reason),
            Optional.ofNullable(approvedBy),
            flags);
    // the ledger's own rules (signs, reasons, versions), checked with a placeholder place
    return f.build(at, () -> draft.at(1)) == null ? null : draft;
  }

  /** A pushed event: a draft with its till_seq. */
  public static LedgerEvent event(WireEvent w, Fields f, String at, Instant now) {
    EventDraft draft = draft(w, f, at, now);
    Long seq = w == null ? null : f.in(at).required(".till_seq", w.tillSeq());
    if (draft == null || seq == null) {
      return null;
    }
    return f.build(at + ".till_seq", () -> draft.at(seq));
  }

  public static WireEvent wire(LedgerEvent e) {
    return new WireEvent(
        e.eventId(),
        e.account().value(),
        e.program().value(),
        e.programVersion(),
        e.type().name(),
        e.quantity(),
        e.store().value(),
        e.till().value(),
        e.tillSeq(),
        e.cashier().value(),
        e.occurredAt().toString(),
        e.hlc(),
        e.input().map(Enum::name).orElse(null),
        e.ref().orElse(null),
        e.reason().orElse(null),
        e.approvedBy().map(StaffId::value).orElse(null),
        e.flags().stream().sorted().map(Enum::name).toList());
  }

  /** An account and its identifiers as a till sent them. */
  public record AccountState(Account account, List<Identifier> identifiers) {}

  public static AccountState account(WireAccount w, Fields f, String at) {
    if (w == null) {
      f.check(false, at, "is required");
      return null;
    }
    Fields.Scope in = f.in(at);
    UUID id = in.required(".id", w.id());
    Instant created = in.parse(".created_at", w.createdAt(), Instant::parse);
    StoreId store = in.parse(".created_store", w.createdStore(), StoreId::new);
    AccountStatus status = in.parse(".status", w.status(), t -> parseEnum(AccountStatus.class, t));
    in.check(status != AccountStatus.ERASED, ".status", "only the server erases accounts");
    List<WireIdentifier> ids = w.identifiers() == null ? List.of() : w.identifiers();
    in.check(ids.size() <= 32, ".identifiers", "may hold 32 identifiers at most");
    if (!f.ok()) {
      return null;
    }
    Account account =
        f.build(
            at,
            () ->
                new Account(
                    new AccountId(id),
                    created,
                    store,
                    status,
                    Optional.ofNullable(w.mergedInto()).map(AccountId::new)));
    List<Identifier> identifiers =
        ids.stream()
            .limit(32)
            .map(i -> identifier(i, new AccountId(id), f, at + ".identifiers"))
            .toList();
    return f.ok() ? new AccountState(account, identifiers) : null;
  }

  private static Identifier identifier(WireIdentifier w, AccountId account, Fields f, String at) {
    if (w == null) {
      f.check(false, at, "holds a null identifier");
      return null;
    }
    Fields.Scope in = f.in(at);
    IdentifierKind kind = in.parse(".kind", w.kind(), t -> parseEnum(IdentifierKind.class, t));
    String value = in.required(".value", w.value());
    if (value != null) {
      in.check(
          value.length() <= 128 && value.matches("[0-9A-Za-z+/=_-]+"),
          ".value",
          "must be 1-128 letters, digits or +/=_-");
    }
    byte[] key = in.optional(".public_key", w.publicKey(), Base64.getDecoder()::decode);
    if (key != null) {
      in.check(key.length == 65, ".public_key", "must be an uncompressed P-256 key (65 bytes)");
    }
    Instant linked = in.parse(".linked_at", w.linkedAt(), Instant::parse);
    Instant revoked = in.optional(".revoked_at", w.revokedAt(), Instant::parse);
    if (!f.ok()) {
      return null;
    }
    return f.build(
        at,
        () ->
            new Identifier(
                kind,
                value,
                account,
                Optional.ofNullable(key),
                linked,
                Optional.ofNullable(revoked)));
  }

  static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not one of " + EnumSet.allOf(type), e);
    }
  }
}
