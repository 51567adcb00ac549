package com.stampcard.readers.testing;

import com.stampcard.readers.Read;
import com.stampcard.readers.ReadListener;
import com.stampcard.readers.ReaderStatus;
import com.stampcard.readers.StatusListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Collects a reader's reads and statuses, and the threads they came on, for assertions. */
public final class Recorder implements ReadListener, StatusListener {
  private final BlockingQueue<Read> reads = new LinkedBlockingQueue<>();
  private final List<ReaderStatus> statuses = new CopyOnWriteArrayList<>();
  private final List<String> readThreads = new CopyOnWriteArrayList<>();

  @Override
  public void onRead(Read read) {
    readThreads.add(Thread.currentThread().getName());
    reads.add(read);
  }

  @Override
  public void onStatus(ReaderStatus status) {
    statuses.add(status);
  }

  /** The next read, or a failure after {@code wait}. */
  public Read nextRead(Duration wait) throws InterruptedException {
    Read r = reads.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (r == null) {
      throw new AssertionError("no read within " + wait + "; statuses: " + statuses);
    }
    return r;
  }

  /** Reads that arrive within {@code wait}, however many. */
  public List<Read> readsWithin(Duration wait) throws InterruptedException {
    Thread.sleep(wait.toMillis());
    List<Read> out = new ArrayList<>();
    reads.drainTo(out);
    return out;
  }

  public List<ReaderStatus> statuses() {
    return List.copyOf(statuses);
  }

  public List<String> readThreads() {
    return List.copyOf(readThreads);
  }

  /** Waits until a status matching {@code wanted} has been seen. */
  public ReaderStatus awaitStatus(Predicate<ReaderStatus> wanted, Duration wait)
      throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      for (ReaderStatus s : statuses) {
        if (wanted.test(s)) {
          return s;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("status not reached within " + wait + "; seen: " + statuses);
  }

  /** Waits until the latest status is in {@code state}. */
  public ReaderStatus awaitLatest(ReaderStatus.State state, Duration wait)
      throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      if (!statuses.isEmpty() && statuses.get(statuses.size() - 1).state() == state) {
        return statuses.get(statuses.size() - 1);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("not " + state + " within " + wait + "; seen: " + statuses);
  }

  public void clearStatuses() {
    statuses.clear();
  }
}
