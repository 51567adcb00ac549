package com.stampcard.server.sync;

import com.stampcard.server.db.ServerDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears what any server instance committed, through PostgreSQL's LISTEN/NOTIFY, and passes it to
 * this instance's live clients. Write transactions send {@code NOTIFY stampcard_changes}, which
 * PostgreSQL delivers only when they commit. Reconnects after a lost connection.
 */
public final class PostgresChangeListener implements AutoCloseable {
  static final String CHANNEL = "stampcard_changes";
  private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeListener.class);

  private final ServerDatabase db;
  private final ChangeSignal signal;
  private final Thread thread;
  private volatile boolean running = true;

  public PostgresChangeListener(ServerDatabase db, ChangeSignal signal) {
    this.db = db;
    this.signal = signal;
    this.thread = new Thread(this::run, "pg-change-listener");
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Sends the notification from inside a write transaction: delivered on commit. */
  public static void notifyOnCommit(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("NOTIFY " + CHANNEL);
    }
  }

  private void run() {
    while (running) {
      try (Connection c = db.dedicatedConnection()) {
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + CHANNEL);
        }
        // anything missed while not listening
        signal.changed();
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          var notifications = pg.getNotifications(500);
          if (notifications != null && notifications.length > 0) {
            signal.changed();
          }
        }
      } catch (SQLException e) {
        if (running) {
          LOG.warn("lost the database's change notifications, listening again: {}", e.getMessage());
          try {
            Thread.sleep(1000);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
