package com.stampcard.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.id.UuidV7Generator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClocksAndIdsTest {
  private static final Clock FIXED =
      Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);

  @Test
  void uuidV7IdsAreVersion7AndIncreaseEvenInOneMillisecond() {
    UuidV7Generator ids = new UuidV7Generator(FIXED);
    List<UUID> made = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      made.add(ids.next());
    }
    assertThat(made).allSatisfy(u -> assertThat(u.version()).isEqualTo(7));
    assertThat(made).allSatisfy(u -> assertThat(u.variant()).isEqualTo(2));
    for (int i = 1; i < made.size(); i++) {
      assertThat(
              Long.compareUnsigned(
                  made.get(i).getMostSignificantBits(), made.get(i - 1).getMostSignificantBits()))
          .isPositive();
    }
    assertThat(made.get(0).getMostSignificantBits() >>> 16).isEqualTo(FIXED.millis());
  }

  @Test
  void theHybridClockMovesForwardAndPastWhatItHears() {
    HybridLogicalClock hlc = new HybridLogicalClock(FIXED, 0);
    long a = hlc.tick();
    long b = hlc.tick();
    assertThat(b).isGreaterThan(a);
    assertThat(HybridLogicalClock.millisOf(a)).isEqualTo(FIXED.millis());
    long fromTheFuture = (FIXED.millis() + 5_000) << 16;
    hlc.receive(fromTheFuture);
    assertThat(hlc.tick()).isGreaterThan(fromTheFuture);
  }
}
