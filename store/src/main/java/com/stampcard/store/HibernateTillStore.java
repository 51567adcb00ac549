package com.stampcard.store;

import com.stampcard.core.port.TillStore;
import com.stampcard.core.port.TillTransaction;
import com.stampcard.core.program.Program;
import com.stampcard.store.entity.ProgramEntity;
import com.stampcard.store.program.ProgramJson;
import jakarta.persistence.PersistenceException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * The till's store (and the server's) over Hibernate ORM. Thread-safe: each {@link #inTransaction}
 * call opens its own session and database transaction on the calling thread. Calls don't nest: work
 * must not call {@code inTransaction} again.
 */
public final class HibernateTillStore implements TillStore {
  private final SessionFactory sessions;
  private final Clock clock;

  /** Parsed programs by id and version: a stored version never changes. */
  private final Map<String, Program> programs = new ConcurrentHashMap<>();

  HibernateTillStore(SessionFactory sessions, Clock clock) {
    this.sessions = sessions;
    this.clock = clock;
  }

  /**
   * Runs {@code work} in one transaction and commits it; an exception from the work or the database
   * rolls all of it back. Database failures arrive as {@link StoreException}; the work's own
   * exceptions arrive unchanged.
   */
  @Override
  public <T> T inTransaction(Function<TillTransaction, T> work) {
    try (Session session = sessions.openSession()) {
      Transaction transaction = session.beginTransaction();
      try {
        HibernateTillTransaction tx = new HibernateTillTransaction(session, this);
        T result = work.apply(tx);
        if (transaction.getRollbackOnly()) {
          // A step failed and the work went on: Hibernate would roll back without a word.
          transaction.rollback();
          throw new StoreException(
              "the transaction was rolled back: a step of it failed", tx.failure().orElse(null));
        }
        transaction.commit();
        return result;
      } catch (PersistenceException e) {
        rollback(transaction, e);
        throw failed(e);
      } catch (RuntimeException | Error e) {
        rollback(transaction, e);
        throw e;
      }
    } catch (PersistenceException e) {
      throw failed(e);
    }
  }

  private static void rollback(Transaction transaction, Throwable cause) {
    try {
      if (transaction.isActive()) {
        transaction.rollback();
      }
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private static StoreException failed(PersistenceException e) {
    return new StoreException("the store's database failed: " + e.getMessage(), e);
  }

  /**
   * Recomputes the whole balance projection from the events, following merges: what the projection
   * must always equal. Takes time in proportion to the ledger; for repair and tests.
   */
  public void rebuildBalances() {
    inTransaction(
        tx -> {
          Session session = ((HibernateTillTransaction) tx).session();
          session.doWork(
              connection -> {
                Map<UUID, UUID> mergedInto = new HashMap<>();
                try (PreparedStatement s =
                        connection.prepareStatement(
                            "SELECT id, merged_into FROM account WHERE merged_into IS NOT NULL");
                    ResultSet r = s.executeQuery()) {
                  while (r.next()) {
                    mergedInto.put(r.getObject(1, UUID.class), r.getObject(2, UUID.class));
                  }
                }
                try (PreparedStatement s = connection.prepareStatement("DELETE FROM balance")) {
                  s.executeUpdate();
                }
                Map<String, long[]> sums = new HashMap<>();
                Map<String, Instant[]> times = new HashMap<>();
                try (PreparedStatement s =
                        connection.prepareStatement(
                            "SELECT account_id, program_id, SUM(quantity), COUNT(*),"
                                + " MAX(CASE WHEN type IN ('STAMP', 'POINTS_EARN')"
                                + " THEN occurred_at END),"
                                + " MAX(CASE WHEN type IN ('REDEEM', 'POINTS_SPEND')"
                                + " THEN occurred_at END)"
                                + " FROM ledger_event GROUP BY account_id, program_id");
                    ResultSet r = s.executeQuery()) {
                  while (r.next()) {
                    UUID root = rootIn(mergedInto, r.getObject(1, UUID.class));
                    String key = root + " " + r.getString(2);
                    long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
                    sum[0] = Math.addExact(sum[0], r.getLong(3));
                    sum[1] += r.getLong(4);
                    Instant[] t = times.computeIfAbsent(key, k -> new Instant[2]);
                    t[0] = latest(t[0], instant(r, 5));
                    t[1] = latest(t[1], instant(r, 6));
                  }
                }
                try (PreparedStatement insert =
                    connection.prepareStatement(
                        "INSERT INTO balance (account_id, program_id, units, last_earned_at,"
                            + " last_spent_at, events) VALUES (?, ?, ?, ?, ?, ?)")) {
                  int batched = 0;
                  for (Map.Entry<String, long[]> e : sums.entrySet()) {
                    String[] key = e.getKey().split(" ", 2);
                    Instant[] t = times.get(e.getKey());
                    insert.setObject(1, UUID.fromString(key[0]));
                    insert.setString(2, key[1]);
                    insert.setLong(3, e.getValue()[0]);
                    insert.setObject(4, offset(t[0]));
                    insert.setObject(5, offset(t[1]));
                    insert.setLong(6, e.getValue()[1]);
                    insert.addBatch();
                    if (++batched % 1_000 == 0) {
                      insert.executeBatch();
                    }
                  }
                  insert.executeBatch();
                }
              });
          return null;
        });
  }

  private static UUID rootIn(Map<UUID, UUID> mergedInto, UUID account) {
    UUID id = account;
    for (int hop = 0; hop < 16 && mergedInto.containsKey(id); hop++) {
      id = mergedInto.get(id);
    }
    return id;
  }

  private static Instant instant(ResultSet r, int column) throws SQLException {
    return Optional.ofNullable(r.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant)
        .orElse(null);
  }

  private static OffsetDateTime offset(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  Program program(ProgramEntity row) {
    return programs.computeIfAbsent(
        row.id() + "@" + row.version(), k -> ProgramJson.read(row.definition()));
  }

  String definitionOf(Program program) {
    return ProgramJson.write(program);
  }

  Instant now() {
    return clock.instant();
  }
}
