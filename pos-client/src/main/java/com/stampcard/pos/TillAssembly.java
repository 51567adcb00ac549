package com.stampcard.pos;

import com.stampcard.core.id.UuidV7Generator;
import com.stampcard.core.port.TillStore;
import com.stampcard.core.staff.PinHash;
import com.stampcard.core.till.RedemptionAuthority;
import com.stampcard.pos.backup.BackupSchedule;
import com.stampcard.pos.backup.TillBackups;
import com.stampcard.pos.config.TillConfig;
import com.stampcard.pos.register.CashRegister;
import com.stampcard.pos.register.CashRegisterApi;
import com.stampcard.store.StoreDatabase;
import com.stampcard.store.seed.DemoSeed;
import com.stampcard.sync.Overdraft;
import com.stampcard.sync.SyncAgent;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The composition root below the screens: opens the till's store (an H2 file, migrated), loads the
 * demo data when configured, starts the embedded sync agent when the configuration names a server,
 * builds the services and starts the scheduled backups. Close it to stop the backups and the agent
 * and close the database.
 *
 * <p>Without {@code server.url} the till runs standalone ({@link
 * RedemptionAuthority#standaloneTill()}). With one, the agent's authority decides redemptions
 * (online first, then the offline budget) and its status feeds the status bar.
 */
public final class TillAssembly implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(TillAssembly.class.getName());

  private final StoreDatabase database;
  private final Optional<SyncAgent> agent;
  private final TillServices services;
  private final Optional<BackupSchedule> backups;
  private Optional<CashRegisterApi> register = Optional.empty();

  private TillAssembly(
      StoreDatabase database,
      Optional<SyncAgent> agent,
      TillServices services,
      Optional<BackupSchedule> backups) {
    this.database = database;
    this.agent = agent;
    this.services = services;
    this.backups = backups;
  }

  /**
   * Opens the till, with its sync agent when a server is configured.
   *
   * @throws com.stampcard.store.TillDatabaseInUseException if another till process has the file
   * @throws com.stampcard.store.seed.SeedFileException if a demo file is wrong
   * @throws TillEnrolmentException if a server is configured and the till is not enrolled with it
   */
  public static TillAssembly open(TillConfig config, Clock clock) {
    return open(config, clock, SyncAgent.Options.defaults(), PinHash.DEFAULT_ITERATIONS);
  }

  /**
   * Opens the till with the sync agent's {@code options} when a server is configured.
   *
   * @param demoPinIterations the PBKDF2 cost of demo PINs; tests lower it
   */
  public static TillAssembly open(
      TillConfig config, Clock clock, SyncAgent.Options options, int demoPinIterations) {
    StoreDatabase database = StoreDatabase.h2File(config.database(), clock);
    Optional<SyncAgent> agent = Optional.empty();
    try {
      seed(config, clock, database, demoPinIterations);
      if (config.server().isPresent()) {
        agent = Optional.of(startAgent(config, config.server().get(), clock, options));
      }
      RedemptionAuthority authority =
          agent.map(SyncAgent::redemptionAuthority).orElse(RedemptionAuthority.standaloneTill());
      SyncStatus sync = agent.map(TillAssembly::statusOf).orElse(SyncStatus.of(authority));
      TillAssembly till =
          new TillAssembly(
              database,
              agent,
              services(config, clock, tillStore(database, agent), authority, sync),
              backups(config, clock));
      till.register =
          CashRegister.startIfEnabled(till.services, config.register(), config.currency(), clock);
      return till;
    } catch (RuntimeException e) {
      agent.ifPresent(SyncAgent::close);
      database.close();
      throw e;
    }
  }

  /**
   * Opens the till with the given redemption authority and no agent (a test's fake server).
   *
   * @param demoPinIterations the PBKDF2 cost of demo PINs; tests lower it
   */
  public static TillAssembly open(
      TillConfig config, Clock clock, RedemptionAuthority authority, int demoPinIterations) {
    StoreDatabase database = StoreDatabase.h2File(config.database(), clock);
    try {
      seed(config, clock, database, demoPinIterations);
      return new TillAssembly(
          database,
          Optional.empty(),
          services(config, clock, database.tillStore(), authority, SyncStatus.of(authority)),
          backups(config, clock));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private static void seed(
      TillConfig config, Clock clock, StoreDatabase database, int demoPinIterations) {
    config
        .demoData()
        .ifPresent(
            folder ->
                new DemoSeed(clock, new UuidV7Generator(clock), demoPinIterations)
                    .load(database.tillStore(), folder, config.settings().store()));
  }

  /** The scheduled online backups, unless the configuration turns them off. */
  private static Optional<BackupSchedule> backups(TillConfig config, Clock clock) {
    TillConfig.Backup backup = config.backup();
    if (backup.interval().isZero()) {
      return Optional.empty();
    }
    return Optional.of(
        BackupSchedule.start(
            new TillBackups(config.database(), backup.folder(), backup.keep(), clock),
            backup.interval(),
            clock));
  }

  /** The store the till's services use: with an agent, every commit wakes it. */
  private static TillStore tillStore(StoreDatabase database, Optional<SyncAgent> agent) {
    return agent
        .<TillStore>map(a -> new SyncOnCommit(database.tillStore(), a))
        .orElse(database.tillStore());
  }

  private static TillServices services(
      TillConfig config,
      Clock clock,
      TillStore store,
      RedemptionAuthority authority,
      SyncStatus sync) {
    return TillServices.over(
        store,
        config.settings(),
        clock,
        authority,
        sync,
        config.loginMaxFailures(),
        config.loginLockout());
  }

  /**
   * Opens the agent on the till's own database file, enrols with the one-time code when one was
   * given and the till has no credential yet, and starts it. The agent keeps the credential in that
   * database, so the file is made readable by its owner only.
   */
  private static SyncAgent startAgent(
      TillConfig config, URI server, Clock clock, SyncAgent.Options options) {
    SyncAgent agent = SyncAgent.open(config.database(), server, Optional.empty(), options, clock);
    try {
      if (!agent.status().enrolled()) {
        String code =
            config
                .enrolmentCode()
                .filter(c -> !c.isEmpty())
                .orElseThrow(
                    () ->
                        new TillEnrolmentException(
                            "This till is not enrolled with "
                                + server
                                + ". Start it once with --enrol CODE, with a one-time code from the"
                                + " back office.",
                            null));
        try {
          agent.enrol(code);
        } catch (IOException | RuntimeException e) {
          throw new TillEnrolmentException(
              "The till could not enrol with " + server + ": " + e.getMessage(), e);
        }
      }
      requireSameTill(config, server, agent.enrolled().orElseThrow());
      ownerOnly(dataFile(config.database()));
      agent.start();
      return agent;
    } catch (RuntimeException e) {
      agent.close();
      throw e;
    }
  }

  /**
   * Refuses a till whose configuration names another store or till than the one it is enrolled as:
   * its events would carry a till id the server refuses to take from it.
   */
  private static void requireSameTill(TillConfig config, URI server, SyncAgent.Enrolled enrolled) {
    String store = config.settings().store().value();
    String till = config.settings().till().value();
    if (!enrolled.store().equals(store) || !enrolled.till().equals(till)) {
      throw new TillEnrolmentException(
          "This till is configured as till "
              + till
              + " at store "
              + store
              + ", but it is enrolled with "
              + server
              + " as till "
              + enrolled.till()
              + " at store "
              + enrolled.store()
              + ". Set 'store: "
              + enrolled.store()
              + "' and 'till: "
              + enrolled.till()
              + "' in its configuration, or use a new database and enrol it with a code for "
              + till
              + ".",
          null);
    }
  }

  /** H2's file for the database the configuration names (with or without its ending). */
  static Path dataFile(Path database) {
    String name = database.getFileName().toString();
    return name.endsWith(".mv.db") ? database : database.resolveSibling(name + ".mv.db");
  }

  /** rw------- on POSIX file systems; elsewhere (Windows) the folder's ACL decides. */
  private static void ownerOnly(Path file) {
    try {
      if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
    } catch (IOException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Could not make " + file + " readable by its owner only: " + e.getMessage());
    }
  }

  /** The status bar's view of the agent: a read of two fields, never the network. */
  static SyncStatus statusOf(SyncAgent agent) {
    RedemptionAuthority authority = agent.redemptionAuthority();
    return () -> {
      com.stampcard.sync.SyncStatus s = agent.status();
      return new SyncStatus.Snapshot(
          s.enrolled() && authority.online() ? SyncStatus.Link.ONLINE : SyncStatus.Link.OFFLINE,
          s.lastSuccess(),
          OptionalLong.of(s.eventsWaiting()));
    };
  }

  public TillServices services() {
    return services;
  }

  /** The embedded sync agent, when a server is configured. */
  public Optional<SyncAgent> syncAgent() {
    return agent;
  }

  /**
   * Ids of the redemptions the server reported as overdrafts, for the manager's review: none
   * without a server.
   */
  public Set<UUID> overdraftIds() {
    return agent
        .map(a -> a.overdrafts().stream().map(Overdraft::eventId).collect(Collectors.toSet()))
        .orElse(Set.of());
  }

  @Override
  public void close() {
    try {
      register.ifPresent(CashRegisterApi::close);
      backups.ifPresent(BackupSchedule::close);
      agent.ifPresent(SyncAgent::close);
    } finally {
      database.close();
    }
  }
}
