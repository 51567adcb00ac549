package com.stampcard.readers;

import java.time.Clock;

/**
 * A reader whose work runs on one thread of its own, started by {@link #start()} and stopped by
 * {@link #stop()} (which interrupts it and waits up to five seconds). The subclass's {@link
 * #runLoop()} keeps going while {@link #running()} and must come back soon after an interrupt.
 */
public abstract class ThreadedReader extends ReaderBase {
  private final Object lifecycle = new Object();
  private Thread thread;
  private volatile boolean running;

  protected ThreadedReader(String id, Clock clock) {
    super(id, clock);
  }

  /** The name of the reader's thread, for thread dumps and logs. */
  protected abstract String threadName();

  /** The reader's work: find the device, read, recover, while {@link #running()}. */
  protected abstract void runLoop();

  protected final boolean running() {
    return running;
  }

  @Override
  public final void start() {
    synchronized (lifecycle) {
      if (thread != null) {
        return;
      }
      running = true;
      thread = new Thread(this::runLoop, threadName());
      thread.setDaemon(true);
      thread.start();
    }
  }

  @Override
  public final void stop() {
    Thread t;
    synchronized (lifecycle) {
      t = thread;
      thread = null;
      running = false;
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      disconnected("stopped");
    }
  }
}
