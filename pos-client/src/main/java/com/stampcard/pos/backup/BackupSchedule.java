package com.stampcard.pos.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Backs the till up every {@code interval} while it runs, on its own daemon thread ({@code
 * till-backup}). The first backup is due {@code interval} after the newest one on disk, so a till
 * that is restarted every day still gets its daily backup; with none on disk, after {@link
 * #FIRST_WITHOUT_ANY} (or the interval, when shorter). A failed backup is logged and tried again at
 * the next turn: it never stops the till.
 */
public final class BackupSchedule implements AutoCloseable {
  static final Duration FIRST_WITHOUT_ANY = Duration.ofMinutes(10);
  private static final System.Logger LOG = System.getLogger(BackupSchedule.class.getName());

  private final ScheduledExecutorService executor;

  private BackupSchedule(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  /** Starts backing up; close it before closing the database. */
  public static BackupSchedule start(TillBackups backups, Duration interval, Clock clock) {
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("a backup interval must be positive, not " + interval);
    }
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "till-backup");
              t.setDaemon(true);
              return t;
            });
    Duration first = firstDelay(backups, interval, clock.instant());
    executor.scheduleWithFixedDelay(
        () -> backUp(backups), first.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    LOG.log(
        System.Logger.Level.INFO,
        "Backups every {0} into {1}; the next in {2}",
        interval,
        backups.folder(),
        first);
    return new BackupSchedule(executor);
  }

  static Duration firstDelay(TillBackups backups, Duration interval, Instant now) {
    return backups
        .newest()
        .map(newest -> Duration.between(now, newest.plus(interval)))
        .map(d -> d.isNegative() ? Duration.ZERO : d)
        .orElse(interval.compareTo(FIRST_WITHOUT_ANY) < 0 ? interval : FIRST_WITHOUT_ANY);
  }

  private static void backUp(TillBackups backups) {
    try {
      LOG.log(System.Logger.Level.INFO, "Backed up to {0}", backups.backUp());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "The scheduled backup failed; trying again later", e);
    }
  }

  /** Stops the schedule, letting a backup under way finish (up to a minute). */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
