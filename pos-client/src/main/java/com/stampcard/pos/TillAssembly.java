package com.stampcard.pos;

import com.stampcard.core.id.UuidV7Generator;
import com.stampcard.core.ledger.EventDraft;
import com.stampcard.core.port.TillStore;
import com.stampcard.core.port.TillTransaction;
import com.stampcard.core.staff.PinHash;
import com.stampcard.core.staff.StaffName;
import com.stampcard.core.till.RedemptionAuthority;
import com.stampcard.pos.backup.BackupSchedule;
import com.stampcard.pos.backup.TillBackups;
import com.stampcard.pos.config.TillConfig;
import com.stampcard.pos.register.CashRegister;
import com.stampcard.pos.register.CashRegisterApi;
import com.stampcard.store.StoreDatabase;
import com.stampcard.store.StoreException;
import com.stampcard.store.TillFile;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The composition root below the screens: opens the till's store (an H2 file, migrated), loads the
 * demo data when configured, starts the embedded sync agent when the configuration names a server,
 * builds the services and starts the scheduled backups. Close it to stop the backups and the agent
 * and close the database.
 *
 * <p>{@link #start} does the opening on a thread of its own and returns at once (ADR 0312): the
 * services exist from the start, and their calls wait until the store has opened; the active staff
 * as the file has them come first, in a fraction of the time, so the login screen can show while
 * Flyway and Hibernate boot. {@link #open} waits for the whole of it.
 *
 * <p>Without {@code server.url} the till runs standalone ({@link
 * RedemptionAuthority#standaloneTill()}). With one, the agent's authority decides redemptions
 * (online first, then the offline budget) and its status feeds the status bar.
 */
public final class TillAssembly implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(TillAssembly.class.getName());

  private final TillConfig config;
  private final Clock clock;
  private final int demoPinIterations;
  private final TillServices services;
  private final CompletableFuture<List<StaffName>> staffOnFile = new CompletableFuture<>();
  private final CompletableFuture<Open> open = new CompletableFuture<>();

  /** What the till holds once its store has opened. */
  private record Open(
      StoreDatabase database,
      TillStore store,
      Optional<SyncAgent> agent,
      Optional<BackupSchedule> backups,
      Optional<CashRegisterApi> register) {}

  private TillAssembly(
      TillConfig config, Clock clock, RedemptionAuthority authority, SyncStatus sync, int cost) {
    this.config = config;
    this.clock = clock;
    this.demoPinIterations = cost;
    this.services =
        TillServices.over(
            new StoreWhenOpen(),
            config.settings(),
            clock,
            authority,
            sync,
            config.loginMaxFailures(),
            config.loginLockout());
  }

  /**
   * Starts opening the till, with its sync agent when a server is configured, and returns at once.
   * A failure to open comes from {@link #opened()} (and from every store call).
   */
  public static TillAssembly start(TillConfig config, Clock clock) {
    return start(config, clock, SyncAgent.Options.defaults(), PinHash.DEFAULT_ITERATIONS);
  }

  /**
   * Starts opening the till with the sync agent's {@code options} when a server is configured.
   *
   * @param demoPinIterations the PBKDF2 cost of demo PINs; tests lower it
   */
  public static TillAssembly start(
      TillConfig config, Clock clock, SyncAgent.Options options, int demoPinIterations) {
    TillAssembly till;
    if (config.server().isPresent()) {
      AuthorityWhenOpen authority = new AuthorityWhenOpen();
      SyncStatusWhenOpen sync = new SyncStatusWhenOpen();
      till = new TillAssembly(config, clock, authority, sync, demoPinIterations);
      till.openOnItsOwnThread(
          () -> {
            SyncAgent agent = startAgent(config, config.server().get(), clock, options);
            authority.opened(agent.redemptionAuthority());
            sync.opened(statusOf(agent));
            return Optional.of(agent);
          });
    } else {
      RedemptionAuthority standalone = RedemptionAuthority.standaloneTill();
      till =
          new TillAssembly(config, clock, standalone, SyncStatus.of(standalone), demoPinIterations);
      till.openOnItsOwnThread(Optional::empty);
    }
    return till;
  }

  /**
   * Opens the till, with its sync agent when a server is configured.
   *
   * @throws com.stampcard.store.TillDatabaseInUseException if another till process has the file
   * @throws com.stampcard.store.seed.SeedFileException if a demo file is wrong
   * @throws TillEnrolmentException if a server is configured and the till is not enrolled with it
   */
  public static TillAssembly open(TillConfig config, Clock clock) {
    return start(config, clock).awaitOpen();
  }

  /**
   * Opens the till with the sync agent's {@code options} when a server is configured.
   *
   * @param demoPinIterations the PBKDF2 cost of demo PINs; tests lower it
   */
  public static TillAssembly open(
      TillConfig config, Clock clock, SyncAgent.Options options, int demoPinIterations) {
    return start(config, clock, options, demoPinIterations).awaitOpen();
  }

  /**
   * Opens the till with the given redemption authority and no agent (a test's fake server).
   *
   * @param demoPinIterations the PBKDF2 cost of demo PINs; tests lower it
   */
  public static TillAssembly open(
      TillConfig config, Clock clock, RedemptionAuthority authority, int demoPinIterations) {
    TillAssembly till =
        new TillAssembly(config, clock, authority, SyncStatus.of(authority), demoPinIterations);
    till.openOnItsOwnThread(Optional::empty);
    return till.awaitOpen();
  }

  /** How the till's agent is started once its store is open: none for a standalone till. */
  private interface AgentStart {
    Optional<SyncAgent> start();
  }

  private void openOnItsOwnThread(AgentStart agentStart) {
    Thread opener = new Thread(() -> openStore(agentStart), "till-opening");
    opener.setDaemon(true);
    opener.start();
  }

  /**
   * The opening: the file and its lock, the staff as the file has them, then the store (Flyway,
   * Hibernate), the demo data, the hybrid clock continued after the ledger's highest value, the
   * agent, the cash register's API and the backups. Runs on the opening thread.
   */
  private void openStore(AgentStart agentStart) {
    long t0 = System.nanoTime();
    try (TillFile file = TillFile.open(config.database())) {
      staffOnFile.complete(file.activeStaff());
      StoreDatabase database = file.openStore(clock);
      Optional<SyncAgent> agent = Optional.empty();
      Optional<BackupSchedule> backups = Optional.empty();
      try {
        seed(database);
        services.context().continueAfter(database.tillStore().inTransaction(tx -> tx.highestHlc()));
        agent = agentStart.start();
        TillStore store = tillStore(database, agent);
        backups = backups(config, clock);
        Open opened =
            new Open(
                database,
                store,
                agent,
                backups,
                CashRegister.startIfEnabled(services, config.register(), config.currency(), clock));
        open.complete(opened);
        LOG.log(
            System.Logger.Level.INFO,
            "Store open after {0} ms",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
      } catch (RuntimeException e) {
        backups.ifPresent(BackupSchedule::close);
        agent.ifPresent(SyncAgent::close);
        database.close();
        throw e;
      }
    } catch (RuntimeException | Error e) {
      staffOnFile.completeExceptionally(e);
      open.completeExceptionally(e);
    }
  }

  /** Waits for the opening; rethrows what stopped it. */
  private TillAssembly awaitOpen() {
    try {
      open.join();
      return this;
    } catch (CompletionException e) {
      close();
      throw unwrapped(e);
    }
  }

  private static RuntimeException unwrapped(CompletionException e) {
    return e.getCause() instanceof RuntimeException cause ? cause : e;
  }

  /**
   * The active staff as the file had them before the store opened: none on a first start. Comes in
   * a fraction of the store's opening time; fails as the opening does when the file can't be opened
   * (another till has it, say).
   */
  public CompletableFuture<List<StaffName>> staffOnFile() {
    return staffOnFile;
  }

  /** Completes when the store has opened and the services' calls no longer wait. */
  public CompletableFuture<Void> opened() {
    return open.thenApply(o -> null);
  }

  private void seed(StoreDatabase database) {
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

  /** The embedded sync agent, when a server is configured and the store has opened. */
  public Optional<SyncAgent> syncAgent() {
    return ifOpen().flatMap(Open::agent);
  }

  /**
   * Ids of the redemptions the server reported as overdrafts, for the manager's review: none
   * without a server, or before the store has opened.
   */
  public Set<UUID> overdraftIds() {
    return syncAgent()
        .map(a -> a.overdrafts().stream().map(Overdraft::eventId).collect(Collectors.toSet()))
        .orElse(Set.of());
  }

  private Optional<Open> ifOpen() {
    return open.isDone() && !open.isCompletedExceptionally()
        ? Optional.of(open.join())
        : Optional.empty();
  }

  /** Waits for an opening under way to end, then closes what it opened. */
  @Override
  public void close() {
    Open o;
    try {
      o = open.join();
    } catch (CompletionException e) {
      return; // the opening closed what it had opened
    }
    try {
      o.register().ifPresent(CashRegisterApi::close);
      o.backups().ifPresent(BackupSchedule::close);
      o.agent().ifPresent(SyncAgent::close);
    } finally {
      o.database().close();
    }
  }

  /** The till's store for the services: its calls wait until the store has opened. */
  private final class StoreWhenOpen implements TillStore {
    @Override
    public <T> T inTransaction(Function<TillTransaction, T> work) {
      Open o;
      try {
        o = open.join();
      } catch (CompletionException e) {
        throw new StoreException(
            "the till's database did not open: " + e.getCause().getMessage(), e.getCause());
      }
      return o.store().inTransaction(work);
    }
  }

  /**
   * The agent's redemption authority once it has started; before, a till with a server that has not
   * been reached yet. A redemption is only asked for after its card has been read, from the open
   * store.
   */
  private static final class AuthorityWhenOpen implements RedemptionAuthority {
    private volatile RedemptionAuthority agent;

    void opened(RedemptionAuthority authority) {
      this.agent = authority;
    }

    @Override
    public boolean standalone() {
      return false;
    }

    @Override
    public boolean online() {
      RedemptionAuthority a = agent;
      return a != null && a.online();
    }

    @Override
    public Optional<Instant> lastSyncAt() {
      RedemptionAuthority a = agent;
      return a == null ? Optional.empty() : a.lastSyncAt();
    }

    @Override
    public Answer spend(EventDraft redemption) {
      RedemptionAuthority a = agent;
      if (a == null) {
        throw new IllegalStateException("a redemption was asked for before the till had opened");
      }
      return a.spend(redemption);
    }
  }

  /** The agent's status once it has started; offline with nothing sent before. */
  private static final class SyncStatusWhenOpen implements SyncStatus {
    private static final Snapshot STARTING =
        new Snapshot(Link.OFFLINE, Optional.empty(), OptionalLong.empty());
    private volatile SyncStatus agent;

    void opened(SyncStatus status) {
      this.agent = status;
    }

    @Override
    public Snapshot now() {
      SyncStatus a = agent;
      return a == null ? STARTING : a.now();
    }
  }
}
