package com.stampcard.store;

import com.stampcard.core.till.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** The store's contract on an H2 file in a temporary folder, as on a till. */
class H2TillStoreTest extends TillStoreContract {
  @TempDir Path folder;

  @Override
  protected StoreDatabase openDatabase(MutableClock clock) {
    return StoreDatabase.h2File(folder.resolve("till"), clock);
  }

  @Override
  protected Connection rawConnection() throws SQLException {
    return DriverManager.getConnection(StoreDatabase.h2Url(folder.resolve("till")), "sa", "");
  }
}
