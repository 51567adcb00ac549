package com.stampcard.store;

import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.h2.api.ErrorCode;

/**
 * The till's H2 file, held open from the first moment of start-up: one plain connection, which
 * takes the file's lock (a second till process is refused at once) and answers the login screen's
 * first question, who works here, while the store behind it is still being migrated and booted.
 * {@link #openStore} then opens the store on the same file and lets the connection go.
 *
 * <p>The names are read with one SQL statement, not through Hibernate, because a read through the
 * store would have to wait for Flyway's check and Hibernate's boot: seconds at start-up (ADR 0312).
 */
public final class TillFile implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(TillFile.class.getName());

  /** H2's errors for a missing table: a new file, before its first migration. */
  private static final Set<Integer> NO_SUCH_TABLE =
      Set.of(
          ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1,
          ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1,
          ErrorCode.TABLE_OR_VIEW_NOT_FOUND_WITH_CANDIDATES_2);

  private final Path file;
  private Connection connection;

  private TillFile(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /**
   * Opens the file (creating it when missing) and takes its lock.
   *
   * @throws TillDatabaseInUseException if another process has the file open
   */
  public static TillFile open(Path file) {
    Path base = StoreDatabase.h2Base(file);
    try {
      Files.createDirectories(base.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("can't create the folder for the till database " + base, e);
    }
    try {
      return new TillFile(file, DriverManager.getConnection(StoreDatabase.h2Url(base), "sa", ""));
    } catch (SQLException e) {
      if (StoreDatabase.causedByFileInUse(e)) {
        throw new TillDatabaseInUseException(Path.of(base + ".mv.db"), e);
      }
      throw new StoreException("can't open the till database " + base + ": " + e.getMessage(), e);
    }
  }

  /**
   * The active staff by name, as the file has them now: none in a new file, or in one whose schema
   * is older than the staff table.
   */
  public List<StaffName> activeStaff() {
    List<StaffName> names = new ArrayList<>();
    try (PreparedStatement read =
            connection().prepareStatement("SELECT id, name FROM staff WHERE active ORDER BY name");
        ResultSet rows = read.executeQuery()) {
      while (rows.next()) {
        names.add(new StaffName(new StaffId(rows.getString(1)), rows.getString(2)));
      }
      return names;
    } catch (SQLException e) {
      if (NO_SUCH_TABLE.contains(e.getErrorCode())) {
        return List.of();
      }
      throw new StoreException("can't read the staff from " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens the store on this file (migrating it, booting Hibernate), then closes the first
   * connection; the store holds the file from then on. This is the file's last use.
   */
  public StoreDatabase openStore(Clock clock) {
    StoreDatabase store = StoreDatabase.h2File(file, clock);
    close();
    return store;
  }

  private Connection connection() {
    if (connection == null) {
      throw new IllegalStateException("the till file " + file + " has been handed to its store");
    }
    return connection;
  }

  @Override
  public void close() {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.WARNING, "Could not close the first connection to " + file, e);
    } finally {
      connection = null;
    }
  }
}
