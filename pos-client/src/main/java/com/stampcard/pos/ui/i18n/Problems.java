package com.stampcard.pos.ui.i18n;

import com.stampcard.store.TillDatabaseInUseException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns a failure of the till's own machinery (not a refusal by the rules: those come as message
 * keys) into a message that says what to do. The full failure goes to the log.
 */
public final class Problems {
  /** H2: the database file is open in another process. */
  private static final int H2_DATABASE_ALREADY_OPEN = 90020;

  /** H2: no disk space left. */
  private static final int H2_NO_DISK_SPACE = 90100;

  private Problems() {}

  public static Msg of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        if (sql.getErrorCode() == H2_NO_DISK_SPACE) {
          return Msg.of("ui.error.disk-full");
        }
        if (sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
          return Msg.of("ui.error.database-in-use");
        }
      }
      if (t instanceof TillDatabaseInUseException) {
        return Msg.of("ui.error.database-in-use");
      }
      if (diskFull(t)) {
        return Msg.of("ui.error.disk-full");
      }
    }
    return Msg.of("ui.error.store");
  }

  private static boolean diskFull(Throwable t) {
    String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
    return (t instanceof IOException || t.getClass().getName().startsWith("org.h2"))
            && message.contains("no space left")
        || message.contains("disk full")
        || message.contains("not enough space");
  }
}
