package com.stampcard.sync;

import com.stampcard.core.ledger.EventDraft;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.sync.EnrolResponse;
import com.stampcard.core.sync.PullResponse;
import com.stampcard.core.sync.PushRequest;
import com.stampcard.core.sync.PushResponse;
import com.stampcard.core.sync.WireEvent;
import com.stampcard.core.till.RedemptionAuthority;
import com.stampcard.store.StoreDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replicates one till's database with the central server: pushes the till's events, pulls the
 * changes its store may see and applies each page with its cursor in one transaction, and listens
 * for live change signals. Embedded in the till app, or run alone by {@link SyncAgentMain}.
 *
 * <p>Threads: {@link #start} starts two daemon threads, one that syncs and one that listens; they
 * never touch the caller's threads, and the till's scans never wait for them (the agent reads and
 * writes the till's database in short transactions of its own). Status listeners are called on the
 * sync thread: a UI hops to its own thread. {@link #redemptionAuthority()} blocks its caller for at
 * most the spend timeout.
 */
public final class SyncAgent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SyncAgent.class);

  /**
   * How the agent behaves.
   *
   * @param poll how often to look for new local events (and to pull without a live signal, every
   *     ten of these)
   * @param pushBatch most events a push carries
   * @param spendTimeout the most an online redemption may make the cashier wait
   * @param onlineFor how long after the last successful exchange the till counts as online
   */
  public record Options(
      Duration poll,
      int pushBatch,
      Duration requestTimeout,
      Duration spendTimeout,
      Duration backoffBase,
      Duration backoffMax,
      Duration onlineFor) {
    public static Options defaults() {
      return new Options(
          Duration.ofMillis(200),
          500,
          Duration.ofSeconds(15),
          Duration.ofSeconds(3),
          Duration.ofMillis(500),
          Duration.ofSeconds(30),
          Duration.ofSeconds(60));
    }
  }

  private final HikariDataSource pool;
  private final TillReplica replica;
  private final SyncClient client;
  private final Options options;
  private final Clock clock;
  private final Backoff backoff;
  private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
  private final ReentrantLock exchange = new ReentrantLock();
  private final ReentrantLock wakeLock = new ReentrantLock();
  private final Condition woken = wakeLock.newCondition();
  private boolean wake;
  private volatile boolean running;
  private volatile SyncStatus status;
  private volatile Instant lastContact = Instant.EPOCH;
  private Thread syncThread;
  private Thread liveThread;
  private volatile CompletableFuture<Void> liveStream;

  private SyncAgent(
      HikariDataSource pool, URI server, Optional<SSLContext> tls, Options options, Clock clock) {
    this.pool = pool;
    this.replica = new TillReplica(pool);
    this.client = new SyncClient(server, tls, options.requestTimeout());
    this.options = options;
    this.clock = clock;
    this.backoff =
        new Backoff(
            options.backoffBase(),
            options.backoffMax(),
            bound -> ThreadLocalRandom.current().nextLong(Math.max(1, bound)));
    Optional<TillReplica.State> state = replica.state();
    this.status =
        SyncStatus.initial(
            state.isPresent(),
            state.flatMap(TillReplica.State::lastSuccess),
            state.map(s -> replica.waiting(s.till())).orElse(0L));
  }

  /**
   * The agent for the till database in {@code file} (the file the till's {@link StoreDatabase} has
   * open in this process, or one no process has open), syncing with {@code server}.
   */
  public static SyncAgent open(
      Path file, URI server, Optional<SSLContext> tls, Options options, Clock clock) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("stampcard-sync");
    config.setJdbcUrl(StoreDatabase.h2Url(file));
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(3);
    config.setMinimumIdle(1);
    HikariDataSource pool = new HikariDataSource(config);
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/sync")
          .table("sync_schema_history")
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
      return new SyncAgent(pool, server, tls, options, clock);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** The store and till an agent is enrolled as. */
  public record Enrolled(String store, String till) {}

  /** The store and till this agent is enrolled as, if it is. */
  public Optional<Enrolled> enrolled() {
    return replica.state().map(s -> new Enrolled(s.store(), s.till()));
  }

  /** Trades a one-time code from the back office for this till's credential. */
  public void enrol(String code) throws IOException {
    EnrolResponse r = client.enrol(code);
    replica.enrolled(r.storeId(), r.tillId(), r.credential(), r.ackedSeq());
    LOG.info("enrolled as till {} at store {}", r.tillId(), r.storeId());
    publish(status.enrolled() ? status : SyncStatus.initial(true, Optional.empty(), 0));
    wake();
  }

  /** Starts syncing in the background. */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    syncThread = new Thread(this::syncLoop, "sync-agent");
    syncThread.setDaemon(true);
    syncThread.start();
    liveThread = new Thread(this::liveLoop, "sync-live");
    liveThread.setDaemon(true);
    liveThread.start();
  }

  /** The latest status; cheap. */
  public SyncStatus status() {
    return status;
  }

  /**
   * Calls {@code listener} with every new status, on the sync thread, until the returned handle is
   * closed.
   */
  public AutoCloseable onStatus(Consumer<SyncStatus> listener) {
    listeners.add(listener);
    listener.accept(status);
    return () -> listeners.remove(listener);
  }

  /** Overdrafts the server reported for this store's programs, newest first. */
  public List<Overdraft> overdrafts() {
    return replica.overdrafts();
  }

  /** Asks for a sync now, for example right after a stamp. Returns at once. */
  public void wake() {
    wakeLock.lock();
    try {
      wake = true;
      woken.signalAll();
    } finally {
      wakeLock.unlock();
    }
  }

  /**
   * Pushes and pulls everything now, on the caller's thread, and answers whether it worked. For the
   * standalone service's first run and for tests.
   */
  public boolean syncOnce() {
    Optional<TillReplica.State> state = replica.state();
    if (state.isEmpty()) {
      return false;
    }
    try {
      cycle(state.get());
      return true;
    } catch (IOException | SyncException e) {
      failed(e);
      return false;
    }
  }

  private void syncLoop() {
    int idleTicks = 0;
    while (running) {
      Optional<TillReplica.State> state = Optional.empty();
      try {
        state = replica.state();
      } catch (SyncException e) {
        failed(e);
      }
      if (state.isEmpty()) {
        pause(options.poll().multipliedBy(5));
        continue;
      }
      boolean due = consumeWake() || idleTicks >= 10 || replica.waiting(state.get().till()) > 0;
      if (!due) {
        idleTicks++;
        pause(options.poll());
        continue;
      }
      idleTicks = 0;
      try {
        cycle(state.get());
        backoff.reset();
      } catch (IOException | SyncException e) {
        failed(e);
        Duration wait = backoff.next();
        LOG.info("sync failed ({}); next try in {} ms", e.getMessage(), wait.toMillis());
        sleepUninterrupted(wait);
      } catch (RuntimeException e) {
        failed(e);
        LOG.error("sync failed unexpectedly", e);
        sleepUninterrupted(backoff.next());
      }
    }
  }

  /** Pushes every waiting event, then pulls until the server has nothing more. */
  private void cycle(TillReplica.State state) throws IOException {
    exchange.lock();
    try {
      pushAll(state);
      pullAll();
      Instant now = clock.instant();
      lastContact = now;
      TillReplica.State after = replica.state().orElseThrow();
      replica.acked(after.ackedSeq(), now);
      publish(
          new SyncStatus(
              true, true, Optional.of(now), replica.waiting(state.till()), Optional.empty()));
    } finally {
      exchange.unlock();
    }
  }

  private void pushAll(TillReplica.State state) throws IOException {
    long acked = replica.state().map(TillReplica.State::ackedSeq).orElse(state.ackedSeq());
    while (true) {
      TillReplica.Outbox outbox = replica.outbox(state.till(), acked, options.pushBatch());
      if (outbox.events().isEmpty()) {
        return;
      }
      PushResponse r =
          client.push(state.credential(), new PushRequest(outbox.accounts(), outbox.events()));
      lastContact = clock.instant();
      replica.setAcked(r.ackedSeq());
      long last = outbox.events().get(outbox.events().size() - 1).tillSeq();
      if (r.ackedSeq() < last && r.ackedSeq() == acked) {
        throw new SyncException(
            "the server still holds this till's events only up to #"
                + r.ackedSeq()
                + " after a push up to #"
                + last,
            null);
      }
      // Below where it was, the server lost events (restored from a backup?): they go again.
      acked = r.ackedSeq();
    }
  }

  private void pullAll() throws IOException {
    while (true) {
      TillReplica.State state = replica.state().orElseThrow();
      PullResponse page = client.pull(state.credential(), state.cursor(), state.referenceDigest());
      lastContact = clock.instant();
      TillReplica.Applied applied = replica.apply(page);
      if (applied.events() > 0 || applied.overdrafts() > 0) {
        LOG.debug("applied {}", applied);
      }
      if (!page.more()) {
        return;
      }
    }
  }

  private void liveLoop() {
    Backoff again =
        new Backoff(
            options.backoffBase(),
            options.backoffMax(),
            bound -> ThreadLocalRandom.current().nextLong(Math.max(1, bound)));
    while (running) {
      Optional<TillReplica.State> state;
      try {
        state = replica.state();
      } catch (SyncException e) {
        state = Optional.empty();
      }
      if (state.isEmpty()) {
        sleepUninterrupted(options.poll().multipliedBy(5));
        continue;
      }
      try {
        liveStream =
            client.live(
                state.get().credential(),
                event -> {
                  again.reset();
                  wake();
                });
        liveStream.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        LOG.debug("live changes stream ended: {}", e.toString());
      }
      if (running) {
        sleepUninterrupted(again.next());
      }
    }
  }

  private void failed(Exception e) {
    boolean online =
        e instanceof ServerAnswerException
            && Duration.between(lastContact, clock.instant()).compareTo(options.onlineFor()) < 0;
    long waiting = 0;
    try {
      waiting = replica.state().map(s -> replica.waiting(s.till())).orElse(0L);
    } catch (SyncException ignored) {
      // the database itself failed: the error says so
    }
    publish(
        new SyncStatus(
            status.enrolled(),
            online,
            status.lastSuccess(),
            waiting,
            Optional.of(String.valueOf(e.getMessage()))));
  }

  private void publish(SyncStatus next) {
    status = next;
    for (Consumer<SyncStatus> l : listeners) {
      try {
        l.accept(next);
      } catch (RuntimeException e) {
        LOG.warn("a sync status listener failed", e);
      }
    }
  }

  private boolean consumeWake() {
    wakeLock.lock();
    try {
      boolean was = wake;
      wake = false;
      return was;
    } finally {
      wakeLock.unlock();
    }
  }

  private void pause(Duration d) {
    wakeLock.lock();
    try {
      if (!wake) {
        woken.await(d.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      wakeLock.unlock();
    }
  }

  private void sleepUninterrupted(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** The server's last word on redemptions, for the till's {@code RedemptionService}. */
  public RedemptionAuthority redemptionAuthority() {
    return new RedemptionAuthority() {
      @Override
      public boolean standalone() {
        return false;
      }

      @Override
      public boolean online() {
        return Duration.between(lastContact, clock.instant()).compareTo(options.onlineFor()) < 0
            && status.online();
      }

      @Override
      public Optional<Instant> lastSyncAt() {
        return status.lastSuccess();
      }

      @Override
      public Answer spend(EventDraft redemption) {
        return spendOnline(redemption);
      }
    };
  }

  private RedemptionAuthority.Answer spendOnline(EventDraft draft) {
    Optional<TillReplica.State> state = replica.state();
    if (state.isEmpty()) {
      return new RedemptionAuthority.Answer.Unreachable();
    }
    Instant deadline = clock.instant().plus(options.spendTimeout());
    try {
      // The server must know this till's latest stamps before it judges the card.
      if (exchange.tryLock(options.spendTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        try {
          if (replica.waiting(state.get().till()) > options.pushBatch()) {
            return new RedemptionAuthority.Answer.Unreachable();
          }
          pushAll(state.get());
        } finally {
          exchange.unlock();
        }
      } else {
        return new RedemptionAuthority.Answer.Unreachable();
      }
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        return new RedemptionAuthority.Answer.Unreachable();
      }
      client.spend(state.get().credential(), wire(draft), left);
      lastContact = clock.instant();
      wake();
      return new RedemptionAuthority.Answer.Accepted();
    } catch (ServerAnswerException e) {
      lastContact = clock.instant();
      if (e.status() == 409 && e.problem().map(p -> p.messageKey() != null).orElse(false)) {
        return new RedemptionAuthority.Answer.Declined(e.problem().get().messageKey());
      }
      LOG.warn("online redemption refused: {}", e.getMessage());
      return new RedemptionAuthority.Answer.Unreachable();
    } catch (IOException | SyncException e) {
      LOG.info("online redemption: no answer ({})", e.getMessage());
      return new RedemptionAuthority.Answer.Unreachable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new RedemptionAuthority.Answer.Unreachable();
    }
  }

  static WireEvent wire(EventDraft d) {
    return new WireEvent(
        d.eventId(),
        d.account().value(),
        d.program().value(),
        d.programVersion(),
        d.type().name(),
        d.quantity(),
        d.store().value(),
        d.till().value(),
        null,
        d.cashier().value(),
        d.occurredAt().toString(),
        d.hlc(),
        d.input().map(Enum::name).orElse(null),
        d.ref().orElse(null),
        d.reason().orElse(null),
        d.approvedBy().map(StaffId::value).orElse(null),
        d.flags().stream().sorted().map(Enum::name).toList());
  }

  @Override
  public void close() {
    running = false;
    wake();
    CompletableFuture<Void> live = liveStream;
    if (live != null) {
      live.cancel(true);
    }
    for (Thread t : new Thread[] {syncThread, liveThread}) {
      if (t != null) {
        t.interrupt();
        try {
          t.join(3000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    pool.close();
  }
}
