package com.stampcard.store;

import com.stampcard.core.account.Account;
import com.stampcard.core.account.AccountId;
import com.stampcard.core.account.Identifier;
import com.stampcard.core.audit.AuditEntry;
import com.stampcard.core.code.IdentifierKind;
import com.stampcard.core.ledger.Balance;
import com.stampcard.core.ledger.EventDraft;
import com.stampcard.core.ledger.EventFlag;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.ledger.ReceiptTakenException;
import com.stampcard.core.ledger.RegisterReceipt;
import com.stampcard.core.port.TillTransaction;
import com.stampcard.core.program.Program;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffMember;
import com.stampcard.store.entity.AccountEntity;
import com.stampcard.store.entity.AuditEntryEntity;
import com.stampcard.store.entity.BalanceEntity;
import com.stampcard.store.entity.IdentifierEntity;
import com.stampcard.store.entity.LedgerEventEntity;
import com.stampcard.store.entity.ProgramEntity;
import com.stampcard.store.entity.StaffEntity;
import com.stampcard.store.entity.TillSequenceEntity;
import com.stampcard.store.sync.LedgerSql;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The ports over one Hibernate session and its transaction. Not thread-safe: it lives for one
 * {@link HibernateTillStore#inTransaction} call on one thread.
 *
 * <p>Locking: an append locks, in this order, the till's {@code till_sequence} row, the account
 * rows from the event's account to its root, and the root's {@code balance} row, each with SELECT
 * ... FOR UPDATE. Balance rows are only ever loaded as entities under that lock (reads use scalar
 * queries), so an update never starts from a stale copy.
 */
final class HibernateTillTransaction implements TillTransaction {
  /** Merge chains longer than this are a loop or damage. */
  private static final int MERGE_HOPS = 16;

  private static final String UNIQUE_VIOLATION = "23505";

  private final Session session;
  private final HibernateTillStore store;
  private RuntimeException failure;

  HibernateTillTransaction(Session session, HibernateTillStore store) {
    this.session = session;
    this.store = store;
  }

  Session session() {
    return session;
  }

  /** The first step that failed and made this transaction roll back, if one did. */
  Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  // --- accounts and identifiers ---

  @Override
  public Optional<Identifier> findIdentifier(IdentifierKind kind, String value) {
    return Optional.ofNullable(
            session.find(IdentifierEntity.class, IdentifierEntity.Key.of(kind, value)))
        .map(IdentifierEntity::toIdentifier);
  }

  @Override
  public List<Identifier> identifiersOf(AccountId account) {
    return session
        .createSelectionQuery(
            "from IdentifierEntity i where i.accountId = :account order by i.linkedAt",
            IdentifierEntity.class)
        .setParameter("account", account.value())
        .getResultList()
        .stream()
        .map(IdentifierEntity::toIdentifier)
        .toList();
  }

  @Override
  public Optional<Account> findAccount(AccountId id) {
    return Optional.ofNullable(session.find(AccountEntity.class, id.value()))
        .map(AccountEntity::toAccount);
  }

  @Override
  public void addAccount(Account account) {
    session.persist(AccountEntity.from(account));
  }

  @Override
  public void updateAccount(Account account) {
    AccountEntity row = session.find(AccountEntity.class, account.id().value());
    if (row == null) {
      throw new IllegalArgumentException("no account " + account.id() + " to update");
    }
    row.copyChangeable(account);
  }

  @Override
  public void addIdentifier(Identifier identifier) {
    session.persist(IdentifierEntity.from(identifier));
  }

  @Override
  public void updateIdentifier(Identifier identifier) {
    IdentifierEntity row =
        session.find(
            IdentifierEntity.class, IdentifierEntity.Key.of(identifier.kind(), identifier.value()));
    if (row == null) {
      throw new IllegalArgumentException("no identifier " + identifier + " to update");
    }
    row.copyChangeable(identifier);
  }

  // --- the ledger ---

  @Override
  public LedgerEvent append(EventDraft draft) {
    draft.at(1); // the event's own rules, checked before it takes a number
    try {
      long seq = nextSeq(draft.till());
      LedgerEventEntity row = LedgerEventEntity.from(draft.at(seq));
      session.persist(row);
      UUID root = lockRoot(draft.account().value());
      lockedBalance(root, draft.program().value())
          .add(draft.type(), draft.quantity(), row.occurredAt());
      return row.toEvent();
    } catch (RuntimeException e) {
      // Whatever the caller does with the exception, this transaction must not commit: it would
      // keep a till_seq without its event, or an event without its balance.
      session.getTransaction().markRollbackOnly();
      if (failure == null) {
        failure = e;
      }
      throw e;
    }
  }

  /** The till's next till_seq, under the row lock of its till_sequence row. */
  private long nextSeq(TillId till) {
    TillSequenceEntity sequence =
        session.find(TillSequenceEntity.class, till.value(), LockModeType.PESSIMISTIC_WRITE);
    if (sequence == null) {
      insertIfAbsent(
          "SELECT 1 FROM till_sequence WHERE till_id = ?",
          "INSERT INTO till_sequence (till_id, last_seq) VALUES (?, 0)",
          till.value());
      sequence =
          session.find(TillSequenceEntity.class, till.value(), LockModeType.PESSIMISTIC_WRITE);
    }
    return sequence.next();
  }

  /**
   * Follows merged_into from {@code account} to the account its events count for, locking each
   * account row on the way, so a merge can't move the balance while this transaction adds to it. An
   * account this store has not seen (yet) is its own root.
   */
  private UUID lockRoot(UUID account) {
    session.flush();
    UUID id = account;
    for (int hop = 0; hop < MERGE_HOPS; hop++) {
      List<UUID> target =
          session
              .createSelectionQuery(
                  "select a.mergedInto from AccountEntity a where a.id = :id", UUID.class)
              .setParameter("id", id)
              .setLockMode(LockModeType.PESSIMISTIC_WRITE)
              .getResultList();
      if (target.isEmpty() || target.get(0) == null) {
        return id;
      }
      id = target.get(0);
    }
    throw new IllegalStateException(
        "account " + account + " is merged through more than " + MERGE_HOPS + " accounts");
  }

  /** The root account of {@code account} for reading, without locks. */
  private UUID root(UUID account) {
    UUID id = account;
    for (int hop = 0; hop < MERGE_HOPS; hop++) {
      AccountEntity row = session.find(AccountEntity.class, id);
      if (row == null || row.mergedInto().isEmpty()) {
        return id;
      }
      id = row.mergedInto().get();
    }
    throw new IllegalStateException(
        "account " + account + " is merged through more than " + MERGE_HOPS + " accounts");
  }

  /** The root account and every account merged into it, directly or through others. */
  private Set<UUID> members(UUID root) {
    Set<UUID> all = new HashSet<>(Set.of(root));
    List<UUID> frontier = List.of(root);
    for (int hop = 0; hop < MERGE_HOPS && !frontier.isEmpty(); hop++) {
      frontier =
          session
              .createSelectionQuery(
                  "select a.id from AccountEntity a where a.mergedInto in :ids", UUID.class)
              .setParameter("ids", frontier)
              .getResultList()
              .stream()
              .filter(all::add)
              .toList();
    }
    return all;
  }

  /**
   * The balance row, fresh from the database and write-locked; made empty first when there is none.
   * It is made by SQL that tolerates the sync agent making the same row at the same moment, so a
   * stamp never fails on a duplicate balance row.
   */
  private BalanceEntity lockedBalance(UUID root, String program) {
    BalanceEntity.Key key = new BalanceEntity.Key(root, program);
    BalanceEntity row = session.find(BalanceEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
    if (row != null) {
      return row;
    }
    session.doWork(c -> LedgerSql.ensureBalanceRows(c, List.of(new LedgerSql.Key(root, program))));
    return session.find(BalanceEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
  }

  @Override
  public Balance balance(AccountId account, ProgramId program) {
    UUID root = root(account.value());
    return balanceRows(root, Optional.of(program.value())).stream()
        .findFirst()
        .orElse(Balance.empty(new AccountId(root), program));
  }

  @Override
  public List<Balance> balances(AccountId account) {
    return balanceRows(root(account.value()), Optional.empty());
  }

  /**
   * Balances read as values, never as managed entities: see the class comment. The query flushes
   * this transaction's own changes first, so it sees them.
   */
  private List<Balance> balanceRows(UUID root, Optional<String> program) {
    var query =
        session
            .createSelectionQuery(
                "select b.key.programId, b.units, b.lastEarnedAt, b.lastSpentAt, b.events"
                    + " from BalanceEntity b where b.key.accountId = :root"
                    + (program.isPresent() ? " and b.key.programId = :program" : "")
                    + " order by b.key.programId",
                Object[].class)
            .setParameter("root", root);
    program.ifPresent(p -> query.setParameter("program", p));
    List<Balance> out = new ArrayList<>();
    for (Object[] r : query.getResultList()) {
      out.add(
          new Balance(
              new AccountId(root),
              new ProgramId((String) r[0]),
              (Long) r[1],
              Optional.ofNullable((Instant) r[2]),
              Optional.ofNullable((Instant) r[3]),
              (Long) r[4]));
    }
    return out;
  }

  @Override
  public Optional<LedgerEvent> event(UUID eventId) {
    return Optional.ofNullable(session.find(LedgerEventEntity.class, eventId))
        .map(LedgerEventEntity::toEvent);
  }

  /** Newest first, including the events of accounts merged into this one. */
  @Override
  public List<LedgerEvent> history(AccountId account, ProgramId program, int limit) {
    return session
        .createSelectionQuery(
            "from LedgerEventEntity e where e.accountId in :accounts and e.programId = :program"
                + " order by e.hlc desc, e.eventId desc",
            LedgerEventEntity.class)
        .setParameter("accounts", members(root(account.value())))
        .setParameter("program", program.value())
        .setMaxResults(limit)
        .setReadOnly(true)
        .getResultList()
        .stream()
        .map(LedgerEventEntity::toEvent)
        .toList();
  }

  /**
   * Two point lookups through till_sequence: H2 can't read an index backwards for ORDER BY ...
   * DESC, and a till's events run to millions. A till whose events came by sync alone (no
   * till_sequence row here) is looked up the slow way.
   */
  @Override
  public Optional<LedgerEvent> lastEventAt(TillId till) {
    List<Long> last =
        session
            .createSelectionQuery(
                "select t.lastSeq from TillSequenceEntity t where t.tillId = :till", Long.class)
            .setParameter("till", till.value())
            .getResultList();
    String query =
        last.isEmpty()
            ? "from LedgerEventEntity e where e.tillId = :till order by e.tillSeq desc"
            : "from LedgerEventEntity e where e.tillId = :till and e.tillSeq = :seq";
    var select =
        session
            .createSelectionQuery(query, LedgerEventEntity.class)
            .setParameter("till", till.value())
            .setMaxResults(1)
            .setReadOnly(true);
    if (!last.isEmpty()) {
      select.setParameter("seq", last.get(0));
    }
    return select.getResultList().stream().findFirst().map(LedgerEventEntity::toEvent);
  }

  @Override
  public List<LedgerEvent> eventsSince(Instant since, Set<EventType> types, int limit) {
    if (types.isEmpty()) {
      return List.of();
    }
    return session
        .createSelectionQuery(
            "from LedgerEventEntity e where e.occurredAt >= :since and e.type in :types"
                + " order by e.occurredAt desc, e.hlc desc",
            LedgerEventEntity.class)
        .setParameter("since", since)
        .setParameter("types", types.stream().map(EventType::name).toList())
        .setMaxResults(limit)
        .setReadOnly(true)
        .getResultList()
        .stream()
        .map(LedgerEventEntity::toEvent)
        .toList();
  }

  @Override
  public Optional<LedgerEvent> voidOf(UUID eventId) {
    return session
        .createSelectionQuery(
            "from LedgerEventEntity e where e.refEventId = :id and e.type = 'VOID'",
            LedgerEventEntity.class)
        .setParameter("id", eventId)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst()
        .map(LedgerEventEntity::toEvent);
  }

  @Override
  public long countAtTill(TillId till, EventType type, Instant since, Optional<StaffId> cashier) {
    var query =
        session
            .createSelectionQuery(
                "select count(*) from LedgerEventEntity e where e.tillId = :till"
                    + " and e.occurredAt >= :since and e.type = :type"
                    + (cashier.isPresent() ? " and e.cashierId = :cashier" : ""),
                Long.class)
            .setParameter("till", till.value())
            .setParameter("since", since)
            .setParameter("type", type.name());
    cashier.ifPresent(c -> query.setParameter("cashier", c.value()));
    return query.getSingleResult();
  }

  @Override
  public long countFlaggedAtTill(TillId till, EventFlag flag, Instant since) {
    return session
        .createSelectionQuery(
            "select count(*) from LedgerEventEntity e where e.tillId = :till"
                + " and e.occurredAt >= :since and concat(',', e.flags, ',') like :flag",
            Long.class)
        .setParameter("till", till.value())
        .setParameter("since", since)
        .setParameter("flag", "%," + flag.name() + ",%")
        .getSingleResult();
  }

  @Override
  public void mergeBalances(AccountId from, AccountId into) {
    UUID source = from.value();
    UUID root = lockRoot(into.value());
    if (root.equals(source)) {
      throw new IllegalArgumentException(
          "can't merge " + from + " into " + into + ": " + into + " is merged into " + from);
    }
    List<BalanceEntity> moving =
        session
            .createSelectionQuery(
                "from BalanceEntity b where b.key.accountId = :from", BalanceEntity.class)
            .setParameter("from", source)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    for (BalanceEntity row : moving) {
      lockedBalance(root, row.programId()).add(row);
      session.remove(row);
    }
  }

  @Override
  public long highestHlc() {
    Long max =
        session
            .createSelectionQuery("select max(e.hlc) from LedgerEventEntity e", Long.class)
            .getSingleResult();
    return max == null ? 0 : max;
  }

  // --- programs ---

  @Override
  public List<Program> programs() {
    Map<String, ProgramEntity> latest = new LinkedHashMap<>();
    for (ProgramEntity row :
        session
            .createSelectionQuery(
                "from ProgramEntity p order by p.key.id, p.key.version", ProgramEntity.class)
            .getResultList()) {
      latest.put(row.id(), row);
    }
    return latest.values().stream().map(store::program).toList();
  }

  @Override
  public Optional<Program> program(ProgramId id) {
    return latestVersion(id).map(store::program);
  }

  private Optional<ProgramEntity> latestVersion(ProgramId id) {
    return session
        .createSelectionQuery(
            "from ProgramEntity p where p.key.id = :id order by p.key.version desc",
            ProgramEntity.class)
        .setParameter("id", id.value())
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public void saveProgram(Program program) {
    Optional<ProgramEntity> stored = latestVersion(program.id());
    if (stored.isPresent() && stored.get().version() >= program.version()) {
      throw new IllegalArgumentException(
          "program "
              + program.id()
              + ": version "
              + stored.get().version()
              + " is stored; save version "
              + (stored.get().version() + 1)
              + " or higher, not "
              + program.version());
    }
    session.persist(
        new ProgramEntity(
            program.id().value(),
            program.version(),
            program.kind().name(),
            store.definitionOf(program),
            store.now()));
  }

  // --- staff ---

  @Override
  public Optional<StaffMember> staffMember(StaffId id) {
    return Optional.ofNullable(session.find(StaffEntity.class, id.value()))
        .map(StaffEntity::toStaffMember);
  }

  @Override
  public List<StaffMember> staff() {
    return session
        .createSelectionQuery("from StaffEntity s order by s.name, s.id", StaffEntity.class)
        .getResultList()
        .stream()
        .map(StaffEntity::toStaffMember)
        .toList();
  }

  @Override
  public void saveStaffMember(StaffMember member) {
    StaffEntity row = session.find(StaffEntity.class, member.id().value());
    if (row == null) {
      session.persist(StaffEntity.from(member));
    } else {
      row.copy(member);
    }
  }

  // --- audit ---

  @Override
  public Optional<AuditEntry> lastAuditEntry() {
    return session
        .createSelectionQuery("from AuditEntryEntity a order by a.seq desc", AuditEntryEntity.class)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst()
        .map(AuditEntryEntity::toEntry);
  }

  /**
   * Appends the entry. Two transactions that append at once compute the same seq; the second fails
   * on the primary key when it commits and is rolled back whole, so the chain stays sound.
   */
  @Override
  public void appendAudit(AuditEntry entry) {
    session.persist(AuditEntryEntity.from(entry));
  }

  @Override
  public List<AuditEntry> auditEntries(long fromSeq, int limit) {
    return session
        .createSelectionQuery(
            "from AuditEntryEntity a where a.seq >= :from order by a.seq", AuditEntryEntity.class)
        .setParameter("from", fromSeq)
        .setMaxResults(limit)
        .setReadOnly(true)
        .getResultList()
        .stream()
        .map(AuditEntryEntity::toEntry)
        .toList();
  }

  // --- used app codes ---

  /**
   * Check, then insert under a savepoint: a slot already used answers false without an error, and a
   * concurrent transaction that takes the same slot first makes the insert fail on the primary key,
   * which is rolled back to the savepoint alone, so this transaction stays usable.
   */
  @Override
  public boolean markUsed(String deviceKeyIdHex, long timeStep) {
    return insertIfAbsent(
        "SELECT 1 FROM used_app_code WHERE device_key_id = ? AND time_step = ?",
        "INSERT INTO used_app_code (device_key_id, time_step) VALUES (?, ?)",
        deviceKeyIdHex,
        timeStep);
  }

  // --- the cash register's receipts (plain SQL: a small insert-only table) ---

  @Override
  public Optional<RegisterReceipt> registerReceipt(String receiptId) {
    return session.doReturningWork(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT fingerprint, account_id, event_ids, recorded_at FROM register_receipt"
                      + " WHERE receipt_id = ?")) {
            select.setString(1, receiptId);
            try (ResultSet r = select.executeQuery()) {
              if (!r.next()) {
                return Optional.empty();
              }
              String ids = r.getString(3);
              List<UUID> events =
                  ids.isEmpty()
                      ? List.of()
                      : java.util.Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
              return Optional.of(
                  new RegisterReceipt(
                      receiptId,
                      r.getString(1),
                      new AccountId(r.getObject(2, UUID.class)),
                      events,
                      r.getObject(4, OffsetDateTime.class).toInstant()));
            }
          }
        });
  }

  /** Under a savepoint: a receipt id another transaction took first fails this one cleanly. */
  @Override
  public void addRegisterReceipt(RegisterReceipt receipt) {
    boolean inserted =
        session.doReturningWork(
            connection ->
                insertUnderSavepoint(
                    connection,
                    "INSERT INTO register_receipt (receipt_id, fingerprint, account_id, event_ids,"
                        + " recorded_at) VALUES (?, ?, ?, ?, ?)",
                    new Object[] {
                      receipt.receiptId(),
                      receipt.fingerprint(),
                      receipt.account().value(),
                      String.join(",", receipt.events().stream().map(UUID::toString).toList()),
                      receipt.recordedAt().atOffset(ZoneOffset.UTC)
                    }));
    if (!inserted) {
      throw new ReceiptTakenException(receipt.receiptId());
    }
  }

  /** True if this inserted the row; false if the row was there (or another got there first). */
  private boolean insertIfAbsent(String check, String insert, Object... key) {
    return session.doReturningWork(
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(check)) {
            bind(select, key);
            try (ResultSet found = select.executeQuery()) {
              if (found.next()) {
                return false;
              }
            }
          }
          return insertUnderSavepoint(connection, insert, key);
        });
  }

  private static boolean insertUnderSavepoint(Connection connection, String insert, Object[] key)
      throws SQLException {
    Savepoint savepoint = connection.setSavepoint();
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      bind(statement, key);
      statement.executeUpdate();
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        connection.rollback(savepoint);
        return false;
      }
      throw e;
    }
    connection.releaseSavepoint(savepoint);
    return true;
  }

  private static void bind(PreparedStatement statement, Object[] values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
    }
  }
}
