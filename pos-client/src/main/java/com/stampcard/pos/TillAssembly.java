package com.stampcard.pos;

import com.stampcard.core.id.UuidV7Generator;
import com.stampcard.core.staff.PinHash;
import com.stampcard.core.till.RedemptionAuthority;
import com.stampcard.pos.backup.BackupSchedule;
import com.stampcard.pos.backup.TillBackups;
import com.stampcard.pos.config.TillConfig;
import com.stampcard.store.StoreDatabase;
import com.stampcard.store.seed.DemoSeed;
import java.time.Clock;
import java.util.Optional;

/**
 * The composition root below the screens: opens the till's store (an H2 file, migrated), loads the
 * demo data when configured, builds the services and starts the scheduled backups. Close it to stop
 * the backups and close the database.
 *
 * <p>The sync agent is not wired yet: the till runs standalone ({@link
 * RedemptionAuthority#standaloneTill()}) and the status bar says "no server configured". Plugging
 * the agent in means passing its authority and its {@link SyncStatus} here.
 */
public final class TillAssembly implements AutoCloseable {
  private final StoreDatabase database;
  private final TillServices services;
  private final Optional<BackupSchedule> backups;

  private TillAssembly(
      StoreDatabase database, TillServices services, Optional<BackupSchedule> backups) {
    this.database = database;
    this.services = services;
    this.backups = backups;
  }

  /**
   * Opens the till.
   *
   * @throws com.stampcard.store.TillDatabaseInUseException if another till process has the file
   * @throws com.stampcard.store.seed.SeedFileException if a demo file is wrong
   */
  public static TillAssembly open(TillConfig config, Clock clock) {
    return open(config, clock, RedemptionAuthority.standaloneTill(), PinHash.DEFAULT_ITERATIONS);
  }

  /**
   * Opens the till with the given redemption authority (the sync agent's, or a test's server).
   *
   * @param demoPinIterations the PBKDF2 cost of demo PINs; tests lower it
   */
  public static TillAssembly open(
      TillConfig config, Clock clock, RedemptionAuthority authority, int demoPinIterations) {
    StoreDatabase database = StoreDatabase.h2File(config.database(), clock);
    try {
      config
          .demoData()
          .ifPresent(
              folder ->
                  new DemoSeed(clock, new UuidV7Generator(clock), demoPinIterations)
                      .load(database.tillStore(), folder, config.settings().store()));
      TillServices services =
          TillServices.over(
              database.tillStore(),
              config.settings(),
              clock,
              authority,
              SyncStatus.of(authority),
              config.loginMaxFailures(),
              config.loginLockout());
      TillConfig.Backup backup = config.backup();
      Optional<BackupSchedule> schedule =
          backup.interval().isZero()
              ? Optional.empty()
              : Optional.of(
                  BackupSchedule.start(
                      new TillBackups(config.database(), backup.folder(), backup.keep(), clock),
                      backup.interval(),
                      clock));
      return new TillAssembly(database, services, schedule);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  public TillServices services() {
    return services;
  }

  @Override
  public void close() {
    try {
      backups.ifPresent(BackupSchedule::close);
    } finally {
      database.close();
    }
  }
}
