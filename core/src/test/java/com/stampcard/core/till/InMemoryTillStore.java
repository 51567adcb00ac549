package com.stampcard.core.till;

import com.stampcard.core.account.Account;
import com.stampcard.core.account.AccountId;
import com.stampcard.core.account.AccountStatus;
import com.stampcard.core.account.Identifier;
import com.stampcard.core.audit.AuditEntry;
import com.stampcard.core.audit.InMemoryAudit;
import com.stampcard.core.code.IdentifierKind;
import com.stampcard.core.ledger.Balance;
import com.stampcard.core.ledger.EventDraft;
import com.stampcard.core.ledger.EventFlag;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.ledger.ReceiptTakenException;
import com.stampcard.core.ledger.RegisterReceipt;
import com.stampcard.core.port.TillStore;
import com.stampcard.core.port.TillTransaction;
import com.stampcard.core.program.Program;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffMember;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A till store in memory, for service tests in core. Transactions are serialised; a failing one is
 * not rolled back (the real store's tests cover atomicity), so services under test must not rely on
 * rollback here. Balances are folded from the events on every read.
 */
public final class InMemoryTillStore implements TillStore, TillTransaction {
  public final Map<AccountId, Account> accounts = new LinkedHashMap<>();
  public final Map<String, Identifier> identifiers = new LinkedHashMap<>();
  public final List<LedgerEvent> events = new ArrayList<>();
  public final Map<ProgramId, Program> programs = new LinkedHashMap<>();
  public final Map<StaffId, StaffMember> staff = new LinkedHashMap<>();
  public final InMemoryAudit audit = new InMemoryAudit();
  private final Map<TillId, Long> sequences = new HashMap<>();
  private final Set<String> usedCodes = new HashSet<>();
  public final Map<String, RegisterReceipt> receipts = new LinkedHashMap<>();

  @Override
  public synchronized <T> T inTransaction(Function<TillTransaction, T> work) {
    return work.apply(this);
  }

  private static String key(IdentifierKind kind, String value) {
    return kind + ":" + value;
  }

  @Override
  public Optional<Identifier> findIdentifier(IdentifierKind kind, String value) {
    return Optional.ofNullable(identifiers.get(key(kind, value)));
  }

  @Override
  public List<Identifier> identifiersOf(AccountId account) {
    return identifiers.values().stream().filter(i -> i.account().equals(account)).toList();
  }

  @Override
  public Optional<Account> findAccount(AccountId id) {
    return Optional.ofNullable(accounts.get(id));
  }

  @Override
  public void addAccount(Account account) {
    if (accounts.putIfAbsent(account.id(), account) != null) {
      throw new IllegalStateException("account exists: " + account.id());
    }
  }

  @Override
  public void updateAccount(Account account) {
    accounts.put(account.id(), account);
  }

  @Override
  public void addIdentifier(Identifier identifier) {
    if (identifiers.putIfAbsent(key(identifier.kind(), identifier.value()), identifier) != null) {
      throw new IllegalStateException("identifier exists: " + identifier);
    }
  }

  @Override
  public void updateIdentifier(Identifier identifier) {
    identifiers.put(key(identifier.kind(), identifier.value()), identifier);
  }

  @Override
  public LedgerEvent append(EventDraft draft) {
    long seq = sequences.merge(draft.till(), 1L, Long::sum);
    LedgerEvent event = draft.at(seq);
    events.add(event);
    return event;
  }

  private AccountId root(AccountId id) {
    Account a = accounts.get(id);
    while (a != null && a.status() == AccountStatus.MERGED) {
      id = a.mergedInto().orElseThrow();
      a = accounts.get(id);
    }
    return id;
  }

  @Override
  public Balance balance(AccountId account, ProgramId program) {
    AccountId root = root(account);
    return Balance.fold(
        root,
        program,
        events.stream()
            .filter(e -> e.program().equals(program) && root(e.account()).equals(root))
            .toList());
  }

  @Override
  public List<Balance> balances(AccountId account) {
    return programs.keySet().stream().map(p -> balance(account, p)).toList();
  }

  @Override
  public Optional<LedgerEvent> event(UUID eventId) {
    return events.stream().filter(e -> e.eventId().equals(eventId)).findFirst();
  }

  @Override
  public List<LedgerEvent> history(AccountId account, ProgramId program, int limit) {
    AccountId root = root(account);
    return events.stream()
        .filter(e -> e.program().equals(program) && root(e.account()).equals(root))
        .sorted(Comparator.comparingLong(LedgerEvent::hlc).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public Optional<LedgerEvent> lastEventAt(TillId till) {
    return events.stream()
        .filter(e -> e.till().equals(till))
        .max(Comparator.comparingLong(LedgerEvent::tillSeq));
  }

  @Override
  public List<LedgerEvent> eventsSince(Instant since, Set<EventType> types, int limit) {
    return events.stream()
        .filter(e -> !e.occurredAt().isBefore(since) && types.contains(e.type()))
        .sorted(Comparator.comparingLong(LedgerEvent::hlc).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public Optional<RegisterReceipt> registerReceipt(String receiptId) {
    return Optional.ofNullable(receipts.get(receiptId));
  }

  @Override
  public void addRegisterReceipt(RegisterReceipt receipt) {
    if (receipts.putIfAbsent(receipt.receiptId(), receipt) != null) {
      throw new ReceiptTakenException(receipt.receiptId());
    }
  }

  @Override
  public Optional<LedgerEvent> voidOf(UUID eventId) {
    return events.stream()
        .filter(e -> e.type() == EventType.VOID && e.ref().equals(Optional.of(eventId)))
        .findFirst();
  }

  @Override
  public long countAtTill(TillId till, EventType type, Instant since, Optional<StaffId> cashier) {
    return events.stream()
        .filter(e -> e.till().equals(till) && e.type() == type && !e.occurredAt().isBefore(since))
        .filter(e -> cashier.isEmpty() || e.cashier().equals(cashier.get()))
        .count();
  }

  @Override
  public long countFlaggedAtTill(TillId till, EventFlag flag, Instant since) {
    return events.stream()
        .filter(e -> e.till().equals(till) && e.hasFlag(flag) && !e.occurredAt().isBefore(since))
        .count();
  }

  @Override
  public void mergeBalances(AccountId from, AccountId into) {
    // Balances are folded on read, following merges: nothing to move.
  }

  @Override
  public long highestHlc() {
    return events.stream().mapToLong(LedgerEvent::hlc).max().orElse(0);
  }

  @Override
  public List<Program> programs() {
    return List.copyOf(programs.values());
  }

  @Override
  public Optional<Program> program(ProgramId id) {
    return Optional.ofNullable(programs.get(id));
  }

  @Override
  public void saveProgram(Program program) {
    programs.put(program.id(), program);
  }

  @Override
  public Optional<StaffMember> staffMember(StaffId id) {
    return Optional.ofNullable(staff.get(id));
  }

  @Override
  public List<StaffMember> staff() {
    return List.copyOf(staff.values());
  }

  @Override
  public void saveStaffMember(StaffMember member) {
    staff.put(member.id(), member);
  }

  @Override
  public Optional<AuditEntry> lastAuditEntry() {
    return audit.lastAuditEntry();
  }

  @Override
  public void appendAudit(AuditEntry entry) {
    audit.appendAudit(entry);
  }

  @Override
  public List<AuditEntry> auditEntries(long fromSeq, int limit) {
    return audit.auditEntries(fromSeq, limit);
  }

  @Override
  public synchronized boolean markUsed(String deviceKeyIdHex, long timeStep) {
    return usedCodes.add(deviceKeyIdHex + "@" + timeStep);
  }
}
