package com.stampcard.store;

import com.stampcard.core.till.MutableClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store's contract on a real PostgreSQL 16 (embedded binaries, started once for the class; each
 * test gets its own fresh database).
 */
class PostgresTillStoreIT extends TillStoreContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;
  private String url;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres =
        EmbeddedPostgres.builder()
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  protected StoreDatabase openDatabase(MutableClock clock) {
    String name = "till_" + DATABASES.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    url = postgres.getJdbcUrl("postgres", name);
    return StoreDatabase.postgres(url, "postgres", "postgres", clock, List.of());
  }

  @Override
  protected Connection rawConnection() throws SQLException {
    return DriverManager.getConnection(url, "postgres", "postgres");
  }
}
