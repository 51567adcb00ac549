package com.stampcard.readers;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listener bookkeeping every reader shares: subscriptions, the current status and its changes.
 * A listener that throws is logged and does not stop the reader or the other listeners.
 */
public abstract class ReaderBase implements Reader {
  private static final System.Logger LOG = System.getLogger(ReaderBase.class.getName());

  private final String id;
  protected final Clock clock;
  private final List<ReadListener> readListeners = new CopyOnWriteArrayList<>();
  private final List<StatusListener> statusListeners = new CopyOnWriteArrayList<>();
  private final Object statusLock = new Object();
  private volatile ReaderStatus status;

  protected ReaderBase(String id, Clock clock) {
    this.id = Objects.requireNonNull(id, "id");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.status = ReaderStatus.disconnected(id, "not started", clock.instant());
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final ReaderStatus status() {
    return status;
  }

  @Override
  public final Subscription subscribe(ReadListener listener) {
    Objects.requireNonNull(listener, "listener");
    readListeners.add(listener);
    return () -> readListeners.remove(listener);
  }

  @Override
  public final Subscription watchStatus(StatusListener listener) {
    Objects.requireNonNull(listener, "listener");
    synchronized (statusLock) {
      statusListeners.add(listener);
      notify(listener, status);
    }
    return () -> statusListeners.remove(listener);
  }

  /** Hands {@code read} to every subscriber, on the calling (reader) thread. */
  protected final void publish(Read read) {
    for (ReadListener l : readListeners) {
      try {
        l.onRead(read);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "A read listener of " + id + " failed", e);
      }
    }
  }

  protected final void connected(String warning) {
    changeStatus(ReaderStatus.connected(id, warning, clock.instant()));
  }

  protected final void disconnected(String reason) {
    changeStatus(ReaderStatus.disconnected(id, reason, clock.instant()));
  }

  protected final void error(String reason) {
    changeStatus(ReaderStatus.error(id, reason, clock.instant()));
  }

  /** Sets the status and tells the watchers, unless nothing but the time changed. */
  protected final void changeStatus(ReaderStatus next) {
    synchronized (statusLock) {
      if (next.sameAs(status)) {
        return;
      }
      status = next;
      LOG.log(System.Logger.Level.INFO, "{0}", next);
      for (StatusListener l : statusListeners) {
        notify(l, next);
      }
    }
  }

  private void notify(StatusListener l, ReaderStatus s) {
    try {
      l.onStatus(s);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "A status listener of " + id + " failed", e);
    }
  }
}
