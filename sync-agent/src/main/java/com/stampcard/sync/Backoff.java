package com.stampcard.sync;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with jitter: after the n-th failure in a row wait between half and all of
 * {@code min(max, base * 2^n)}, so tills that lost the server together don't come back together.
 */
final class Backoff {
  private final Duration base;
  private final Duration max;
  private final LongUnaryOperator random;
  private int failures;

  /**
   * @param random a uniform random number in [0, bound) for bound; a fixed one in tests
   */
  Backoff(Duration base, Duration max, LongUnaryOperator random) {
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /** The wait after one more failure. */
  Duration next() {
    long cap = max.toMillis();
    long exp = base.toMillis() << Math.min(failures, 30);
    long ceiling = exp <= 0 || exp > cap ? cap : exp;
    failures++;
    long half = ceiling / 2;
    return Duration.ofMillis(half + random.applyAsLong(ceiling - half + 1));
  }

  void reset() {
    failures = 0;
  }

  int failures() {
    return failures;
  }
}
