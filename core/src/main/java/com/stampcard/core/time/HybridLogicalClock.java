package com.stampcard.core.time;

import java.time.Clock;

/**
 * A hybrid logical clock: wall-clock milliseconds in the high 48 bits and a counter in the low 16,
 * so that events keep a causal order across tills whose clocks disagree a little. Thread-safe.
 */
public final class HybridLogicalClock {
  private static final int COUNTER_BITS = 16;
  private static final long COUNTER_MASK = (1L << COUNTER_BITS) - 1;

  private final Clock clock;
  private long last;

  public HybridLogicalClock(Clock clock, long lastIssued) {
    this.clock = clock;
    this.last = lastIssued;
  }

  /** A timestamp for a local event, greater than every one issued or received before. */
  public synchronized long tick() {
    long wall = clock.millis() << COUNTER_BITS;
    last = Math.max(wall, last + 1);
    return last;
  }

  /** Takes notice of a timestamp from another till, so later local ticks come after it. */
  public synchronized void receive(long remote) {
    long wall = clock.millis() << COUNTER_BITS;
    last = Math.max(Math.max(wall, remote), last) + 1;
  }

  public static long millisOf(long hlc) {
    return hlc >>> COUNTER_BITS;
  }

  public static long counterOf(long hlc) {
    return hlc & COUNTER_MASK;
  }
}
