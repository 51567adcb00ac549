package com.stampcard.server.db;

import com.stampcard.store.HibernateTillStore;
import com.stampcard.store.StoreDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's database: the store's schema and the server's own (db/server), over a HikariCP pool.
 * PostgreSQL for production and for several server instances; an H2 file for one site or to try it
 * out, where this process is the only writer.
 *
 * <p>Write transactions run through {@link #write}, which retries the whole transaction after a
 * deadlock, a serialization failure or a unique-key race with another transaction. On H2 writes
 * take a process-wide lock until they have committed, which is what makes the H2 change feed
 * commit-safe (see docs/decisions/0401-commit-safe-cursor.md).
 */
public final class ServerDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServerDatabase.class);
  private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "23505", "HYT00");
  private static final int ATTEMPTS = 8;

  /** The advisory lock key of merges: "stmerge" in ASCII. */
  private static final long MERGE_LOCK = 0x73746d65726765L;

  /** The engines the server runs on. */
  public enum Engine {
    H2,
    POSTGRESQL
  }

  private final HikariDataSource pool;
  private final StoreDatabase store;
  private final Engine engine;
  private final String url;
  private final String user;
  private final String password;
  private final ReentrantLock singleWriter = new ReentrantLock(true);

  private ServerDatabase(
      HikariDataSource pool,
      StoreDatabase store,
      Engine engine,
      String url,
      String user,
      String password) {
    this.pool = pool;
    this.store = store;
    this.engine = engine;
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /**
   * Opens the database at {@code url} and brings its schema up to date.
   *
   * @throws DatabaseUnavailableException with a message naming the URL when it can't be reached
   */
  public static ServerDatabase open(
      String url, String user, String password, int poolSize, Clock clock) {
    Engine engine = engineOf(url);
    HikariConfig config = new HikariConfig();
    config.setPoolName("stampcard-server");
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(Math.min(2, poolSize));
    config.setAutoCommit(false);
    config.setConnectionTimeout(TimeUnit.SECONDS.toMillis(10));
    config.setInitializationFailTimeout(TimeUnit.SECONDS.toMillis(10));
    if (engine == Engine.POSTGRESQL) {
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
      config.addDataSourceProperty("ApplicationName", "stampcard-server");
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      throw new DatabaseUnavailableException(
          "Can't reach the database at "
              + url
              + ": "
              + rootMessage(e)
              + ". Check database.url, database.user and database.password.",
          e);
    }
    try {
      StoreDatabase store =
          StoreDatabase.fromDataSource(
              pool,
              engine == Engine.H2 ? StoreDatabase.Engine.H2 : StoreDatabase.Engine.POSTGRESQL,
              clock,
              List.of(
                  "classpath:db/server/common",
                  engine == Engine.H2
                      ? "classpath:db/server/h2"
                      : "classpath:db/server/postgresql"));
      return new ServerDatabase(pool, store, engine, url, user, password);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  static Engine engineOf(String url) {
    if (url.startsWith("jdbc:h2:")) {
      return Engine.H2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return Engine.POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "use a jdbc:postgresql:// URL, or jdbc:h2:file:PATH for one site");
  }

  public Engine engine() {
    return engine;
  }

  /** The store's ports over this database (programs, staff, demo data). */
  public HibernateTillStore store() {
    return store.tillStore();
  }

  /**
   * Runs {@code work} in one transaction and commits it, retrying the whole transaction when it
   * lost a race (deadlock, serialization failure, unique key taken meanwhile). Other exceptions
   * roll back and propagate.
   */
  public <T> T write(SqlWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      String lostRace;
      if (engine == Engine.H2) {
        singleWriter.lock();
      }
      try (Connection c = pool.getConnection()) {
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException e) {
          rollback(c, e);
          if (attempt >= ATTEMPTS || !RETRYABLE.contains(e.getSQLState())) {
            throw new DatabaseException("the database failed: " + e.getMessage(), e);
          }
          lostRace = e.getSQLState();
        } catch (RuntimeException | Error e) {
          rollback(c, e);
          throw e;
        }
      } catch (SQLException e) {
        throw new DatabaseUnavailableException(
            "no database connection: " + e.getMessage() + ". Is the database up?", e);
      } finally {
        if (engine == Engine.H2) {
          singleWriter.unlock();
        }
      }
      // the connection (and on H2 the writer's lock) is given back while waiting
      LOG.debug("transaction lost a race ({}), trying again", lostRace);
      pause(attempt);
    }
  }

  /** Runs read-only {@code work} in one transaction. */
  public <T> T read(SqlWork<T> work) {
    Connection c;
    try {
      c = pool.getConnection();
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(
          "no database connection: " + e.getMessage() + ". Is the database up?", e);
    }
    try (c) {
      c.setReadOnly(true);
      try {
        return work.run(c);
      } finally {
        c.rollback();
        c.setReadOnly(false);
      }
    } catch (SQLException e) {
      throw new DatabaseException("the database failed: " + e.getMessage(), e);
    }
  }

  /**
   * Feed rows with a lower feed_xid than this are final: every transaction that could still add one
   * has ended. On PostgreSQL the xmin of a current snapshot; on H2, where one writer commits
   * positions in order, everything committed is final.
   */
  public long visibleBelow(Connection c) throws SQLException {
    if (engine == Engine.H2) {
      return Long.MAX_VALUE;
    }
    try (PreparedStatement s =
            c.prepareStatement("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  /**
   * Takes the merge lock for the rest of this transaction: shared by every write that reads account
   * roots and folds balances, exclusive for one that merges accounts. Merges are rare, so writes
   * almost never wait for it, and a root read under it can't move until the commit. On H2 the
   * single writer excludes everything already. Answers whether the caller may merge.
   *
   * <p>See docs/decisions/0404-ingest-locking.md.
   */
  public boolean lockMerges(Connection c, boolean exclusive) throws SQLException {
    if (engine == Engine.H2) {
      return true;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            exclusive
                ? "SELECT pg_advisory_xact_lock(" + MERGE_LOCK + ")"
                : "SELECT pg_advisory_xact_lock_shared(" + MERGE_LOCK + ")")) {
      s.execute();
    }
    return exclusive;
  }

  /** Whether a query answers within two seconds. */
  public boolean ready() {
    try (Connection c = pool.getConnection()) {
      try {
        return c.isValid(2);
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      return false;
    }
  }

  /** A connection of its own, outside the pool, for LISTEN. The caller closes it. */
  public Connection dedicatedConnection() throws SQLException {
    Connection c = DriverManager.getConnection(url, user, password);
    c.setAutoCommit(true);
    return c;
  }

  private static void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 6)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabaseException("interrupted while retrying a transaction", e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  @Override
  public void close() {
    try {
      store.close();
    } finally {
      pool.close();
    }
  }
}
