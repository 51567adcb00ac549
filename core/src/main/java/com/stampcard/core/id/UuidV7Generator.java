package com.stampcard.core.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids sort by creation time
 * and index well. Ids made in the same millisecond keep increasing (a 12-bit counter in rand_a).
 * Thread-safe.
 */
public final class UuidV7Generator implements IdGenerator {
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private long lastMillis = -1;
  private int counter;

  public UuidV7Generator(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized UUID next() {
    long millis = clock.millis();
    if (millis <= lastMillis) {
      counter++;
      if (counter > 0xFFF) {
        lastMillis++;
        counter = 0;
      }
      millis = lastMillis;
    } else {
      lastMillis = millis;
      counter = random.nextInt(0x800);
    }
    long msb = (millis << 16) | 0x7000L | counter;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
