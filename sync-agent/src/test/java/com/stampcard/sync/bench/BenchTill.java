package com.stampcard.sync.bench;

import com.stampcard.core.account.Account;
import com.stampcard.core.account.AccountId;
import com.stampcard.core.account.Identifier;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.ledger.EventDraft;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.staff.StaffId;
import com.stampcard.store.StoreDatabase;
import com.stampcard.sync.SyncAgent;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A till for benchmarks: its H2 file with the store's schema and an embedded sync agent with the
 * default options, as the till app runs it. Reopened on the same file, it is the same till.
 */
final class BenchTill implements AutoCloseable {
  static final ProgramId COFFEE = new ProgramId("coffee-card");

  final String store;
  final String till;
  final Path file;
  final StoreDatabase db;
  final SyncAgent agent;
  private final AtomicLong hlc = new AtomicLong(System.currentTimeMillis());

  BenchTill(Path folder, URI server, String store, String till) {
    this.store = store;
    this.till = till;
    this.file = folder.resolve(till);
    this.db = StoreDatabase.h2File(file);
    this.agent =
        SyncAgent.open(
            file, server, Optional.empty(), SyncAgent.Options.defaults(), Clock.systemUTC());
  }

  /** Opens the account here, with an identifier, if this till has not seen it. */
  void know(UUID account, Identifier identifier) {
    db.tillStore()
        .inTransaction(
            tx -> {
              if (tx.findAccount(new AccountId(account)).isEmpty()) {
                tx.addAccount(
                    Account.opened(new AccountId(account), Instant.now(), new StoreId(store)));
                tx.addIdentifier(identifier);
              }
              return null;
            });
  }

  LedgerEvent stamp(UUID account) {
    EventDraft draft =
        new EventDraft(
            UUID.randomUUID(),
            new AccountId(account),
            COFFEE,
            1,
            EventType.STAMP,
            1,
            new StoreId(store),
            new TillId(till),
            new StaffId("anna"),
            Instant.now(),
            hlc.incrementAndGet(),
            Optional.of(InputMethod.SCANNER),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Set.of());
    return db.tillStore().inTransaction(tx -> tx.append(draft));
  }

  long balance(UUID account) {
    return db.tillStore().inTransaction(tx -> tx.balance(new AccountId(account), COFFEE).units());
  }

  long events() throws SQLException {
    try (Connection c = DriverManager.getConnection(StoreDatabase.h2Url(file), "sa", "");
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM ledger_event");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  @Override
  public void close() {
    agent.close();
    db.close();
  }
}
