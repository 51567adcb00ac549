package com.stampcard.store;

import com.stampcard.store.entity.AccountEntity;
import com.stampcard.store.entity.AuditEntryEntity;
import com.stampcard.store.entity.BalanceEntity;
import com.stampcard.store.entity.IdentifierEntity;
import com.stampcard.store.entity.LedgerEventEntity;
import com.stampcard.store.entity.ProgramEntity;
import com.stampcard.store.entity.StaffEntity;
import com.stampcard.store.entity.TillSequenceEntity;
import com.stampcard.store.entity.UsedAppCodeEntity;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * Opens a Stampcard database: migrates its schema with Flyway, then builds Hibernate over a
 * HikariCP pool. The till uses an H2 file ({@link #h2File}); the central server PostgreSQL ({@link
 * #postgres}). Close it to close the pool and, for H2, the file.
 */
public final class StoreDatabase implements AutoCloseable {
  /** The migrations every Stampcard database has: V1 to V99. */
  public static final String MIGRATIONS = "classpath:db/migration";

  /** H2's error code for a database file that another process holds open. */
  private static final int H2_DATABASE_ALREADY_OPEN = 90020;

  private static final List<Class<?>> ENTITIES =
      List.of(
          AccountEntity.class,
          IdentifierEntity.class,
          ProgramEntity.class,
          LedgerEventEntity.class,
          BalanceEntity.class,
          TillSequenceEntity.class,
          StaffEntity.class,
          AuditEntryEntity.class,
          UsedAppCodeEntity.class);

  /** The database engines Stampcard runs on. */
  public enum Engine {
    H2,
    POSTGRESQL
  }

  private final AutoCloseable pool;
  private final SessionFactory sessions;
  private final HibernateTillStore tillStore;

  private StoreDatabase(
      DataSource dataSource, AutoCloseable pool, Engine engine, Clock clock, List<String> extra) {
    this.pool = pool;
    migrate(dataSource, extra);
    this.sessions = sessionFactory(dataSource, engine);
    this.tillStore = new HibernateTillStore(sessions, clock);
  }

  /**
   * The till's database in an H2 file, created when missing.
   *
   * @param file the database file, with or without H2's {@code .mv.db} suffix
   * @throws TillDatabaseInUseException if another process has the file open
   */
  public static StoreDatabase h2File(Path file) {
    return h2File(file, Clock.systemUTC());
  }

  public static StoreDatabase h2File(Path file, Clock clock) {
    Path base = h2Base(file);
    try {
      Files.createDirectories(base.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("can't create the folder for the till database " + base, e);
    }
    HikariConfig config = poolConfig("stampcard-till", 4);
    config.setJdbcUrl(h2Url(base));
    config.setUsername("sa");
    config.setPassword("");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      if (causedByFileInUse(e)) {
        throw new TillDatabaseInUseException(Path.of(base + ".mv.db"), e);
      }
      throw new StoreException("can't open the till database " + base + ": " + e.getMessage(), e);
    }
    return open(pool, pool, Engine.H2, clock, List.of());
  }

  /**
   * The JDBC URL of the till's H2 file, for tools that read it alongside the store (in the same
   * process, or after the till has closed it).
   *
   * <p>Settings: {@code WRITE_DELAY=0} writes every commit to the operating system before commit
   * returns, so a killed till keeps every committed stamp (there is no fsync per commit: a power
   * cut may lose the last commits, and the file stays consistent); {@code FILE_LOCK=FS} holds an
   * operating-system lock on the file, which dies with the process, so a second till process is
   * refused and a crashed one never leaves a stale lock behind; {@code LOCK_TIMEOUT} lets a
   * transaction wait up to ten seconds for another's row lock; {@code CACHE_SIZE} keeps 8 MB of
   * pages in the heap instead of H2's 16 MB (the till's resident size, ADR 0314; pages not cached
   * come from the operating system's file cache).
   */
  public static String h2Url(Path file) {
    return "jdbc:h2:file:"
        + h2Base(file)
        + ";DB_CLOSE_ON_EXIT=FALSE;FILE_LOCK=FS;WRITE_DELAY=0;LOCK_TIMEOUT=10000;CACHE_SIZE=8192";
  }

  static Path h2Base(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    String name = absolute.getFileName().toString();
    return name.endsWith(".mv.db")
        ? absolute.resolveSibling(name.substring(0, name.length() - ".mv.db".length()))
        : absolute;
  }

  /** The central server's PostgreSQL database. */
  public static StoreDatabase postgres(String jdbcUrl, String user, String password) {
    return postgres(jdbcUrl, user, password, Clock.systemUTC(), List.of());
  }

  /**
   * @param extraMigrations further Flyway locations, for example the server's {@code
   *     classpath:db/server} (V100 on)
   */
  public static StoreDatabase postgres(
      String jdbcUrl, String user, String password, Clock clock, List<String> extraMigrations) {
    HikariConfig config = poolConfig("stampcard-server", 10);
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      throw new StoreException("can't reach the database " + jdbcUrl + ": " + e.getMessage(), e);
    }
    return open(pool, pool, Engine.POSTGRESQL, clock, extraMigrations);
  }

  /**
   * Over a data source the caller owns and closes. Its connections must not auto-commit.
   *
   * @param extraMigrations further Flyway locations besides {@link #MIGRATIONS}
   */
  public static StoreDatabase fromDataSource(
      DataSource dataSource, Engine engine, Clock clock, List<String> extraMigrations) {
    return open(dataSource, () -> {}, engine, clock, extraMigrations);
  }

  private static StoreDatabase open(
      DataSource dataSource, AutoCloseable pool, Engine engine, Clock clock, List<String> extra) {
    try {
      return new StoreDatabase(dataSource, pool, engine, clock, extra);
    } catch (RuntimeException e) {
      try {
        pool.close();
      } catch (Exception closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  private static HikariConfig poolConfig(String name, int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    // Hibernate is told below that connections come with auto-commit off, so it needn't switch.
    config.setAutoCommit(false);
    return config;
  }

  static boolean causedByFileInUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
        return true;
      }
    }
    return false;
  }

  private static void migrate(DataSource dataSource, List<String> extra) {
    List<String> locations = new ArrayList<>();
    locations.add(MIGRATIONS);
    locations.addAll(extra);
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(locations.toArray(String[]::new))
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("can't bring the database schema up to date: " + e.getMessage(), e);
    }
  }

  /**
   * Hibernate with its boot kept short (the till starts with it): entities listed, not scanned; the
   * dialect given, so no metadata round trip; the schema left to Flyway.
   */
  private static SessionFactory sessionFactory(DataSource dataSource, Engine engine) {
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder()
            .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
            // Name and version instead of a dialect class: Hibernate picks the dialect without
            // opening a connection to ask.
            .applySetting(
                AvailableSettings.JAKARTA_HBM2DDL_DB_NAME,
                engine == Engine.H2 ? "H2" : "PostgreSQL")
            .applySetting(
                AvailableSettings.JAKARTA_HBM2DDL_DB_VERSION,
                engine == Engine.H2 ? "2.3.232" : "16.0")
            .applySetting(AvailableSettings.ALLOW_METADATA_ON_BOOT, false)
            .applySetting(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
            .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
            .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
            .applySetting(AvailableSettings.ORDER_INSERTS, true)
            .applySetting(AvailableSettings.ORDER_UPDATES, true)
            .applySetting(AvailableSettings.GENERATE_STATISTICS, false)
            .applySetting(AvailableSettings.USE_SECOND_LEVEL_CACHE, false)
            .applySetting(AvailableSettings.SHOW_SQL, false)
            .build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      ENTITIES.forEach(sources::addAnnotatedClass);
      return sources.buildMetadata().buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }

  /** The store over this database. Thread-safe; one per database. */
  public HibernateTillStore tillStore() {
    return tillStore;
  }

  @Override
  public void close() {
    try {
      sessions.close();
    } finally {
      try {
        pool.close();
      } catch (Exception e) {
        throw new StoreException("closing the database pool failed: " + e.getMessage(), e);
      }
    }
  }
}
