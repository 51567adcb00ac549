package com.stampcard.sync;

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
import com.stampcard.server.CentralServer;
import com.stampcard.store.StoreDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * A till for tests and benchmarks: its own H2 file and store, and a sync agent embedded as the till
 * app does. Reopened on the same file, it is the same till.
 */
public final class TestTill implements AutoCloseable {
  static final ProgramId COFFEE = new ProgramId("coffee-card");

  /** Short waits, so tests see retries within seconds. */
  static final SyncAgent.Options FAST =
      new SyncAgent.Options(
          Duration.ofMillis(100),
          200,
          Duration.ofSeconds(5),
          Duration.ofSeconds(3),
          Duration.ofMillis(100),
          Duration.ofSeconds(1),
          Duration.ofSeconds(60));

  public final String store;
  public final String till;
  public final Path file;
  public final StoreDatabase db;
  public final SyncAgent agent;
  private final AtomicLong hlc = new AtomicLong(System.currentTimeMillis());

  TestTill(Path folder, URI server, String store, String till, String code) throws Exception {
    this(folder, server, store, till, code, null, FAST);
  }

  /** A till enrolled with {@code server} by a one-time code the server issues for it. */
  static TestTill enrolledWith(CentralServer server, Path folder, String store, String till)
      throws Exception {
    String code = server.enrolment().newCode(new StoreId(store), new TillId(till)).code();
    return new TestTill(folder, server.uri(), store, till, code);
  }

  /**
   * A till whose agent trusts {@code tls} (null: the JVM's certificate authorities) and runs on
   * {@code options}; enrolled with {@code code} unless it is null.
   */
  public TestTill(
      Path folder,
      URI server,
      String store,
      String till,
      String code,
      SSLContext tls,
      SyncAgent.Options options)
      throws Exception {
    this.store = store;
    this.till = till;
    this.file = folder.resolve(till);
    this.db = StoreDatabase.h2File(file);
    this.agent = SyncAgent.open(file, server, Optional.ofNullable(tls), options, Clock.systemUTC());
    if (code != null) {
      agent.enrol(code);
    }
  }

  /** Opens the account here, with these identifiers, if this till has not seen it. */
  public void know(UUID account, Identifier... identifiers) {
    db.tillStore()
        .inTransaction(
            tx -> {
              if (tx.findAccount(new AccountId(account)).isEmpty()) {
                tx.addAccount(
                    Account.opened(new AccountId(account), Instant.now(), new StoreId(store)));
                for (Identifier i : identifiers) {
                  tx.addIdentifier(i);
                }
              }
              return null;
            });
  }

  public LedgerEvent stamp(UUID account) {
    return record(account, EventType.STAMP, 1);
  }

  LedgerEvent redeem(UUID account, long units) {
    return record(account, EventType.REDEEM, -units);
  }

  private LedgerEvent record(UUID account, EventType type, long quantity) {
    EventDraft draft =
        new EventDraft(
            UUID.randomUUID(),
            new AccountId(account),
            COFFEE,
            1,
            type,
            quantity,
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

  public long balance(UUID account) {
    return db.tillStore().inTransaction(tx -> tx.balance(new AccountId(account), COFFEE).units());
  }

  /** Every event id on this till. */
  public Set<UUID> eventIds() throws SQLException {
    try (Connection c = DriverManager.getConnection(StoreDatabase.h2Url(file), "sa", "");
        PreparedStatement s = c.prepareStatement("SELECT event_id FROM ledger_event");
        ResultSet r = s.executeQuery()) {
      Set<UUID> ids = new HashSet<>();
      while (r.next()) {
        ids.add(r.getObject(1, UUID.class));
      }
      return ids;
    }
  }

  public long eventRows() throws SQLException {
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
