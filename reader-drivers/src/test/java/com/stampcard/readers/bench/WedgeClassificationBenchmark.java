package com.stampcard.readers.bench;

import com.stampcard.readers.wedge.BurstClassifier;
import com.stampcard.readers.wedge.WedgeConfig;
import java.util.List;
import java.util.Locale;

/**
 * Classifies every burst of the keyboard-wedge set with the default settings and reports how many
 * were right, the closest calls on each side, and the cost per keystroke.
 *
 * <p>{@code ./build/bench reader-drivers com.stampcard.readers.bench.WedgeClassificationBenchmark}
 */
public final class WedgeClassificationBenchmark {
  private WedgeClassificationBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<WedgeBursts.Burst> bursts = WedgeBursts.load();
    WedgeConfig config = WedgeConfig.defaults();
    int scanners = 0;
    int people = 0;
    int wrong = 0;
    double slowestScanner = 0;
    double fastestPerson = Double.MAX_VALUE;
    long keys = 0;
    long t = 0;
    for (WedgeBursts.Burst b : bursts) {
      BurstClassifier c = new BurstClassifier(config);
      boolean scan = WedgeBursts.replay(c, b, t).orElseThrow() instanceof BurstClassifier.Scan;
      t += 10_000_000_000L;
      keys += b.text().length();
      if (b.scanner()) {
        scanners++;
        slowestScanner = Math.max(slowestScanner, b.averageGapMs());
      } else {
        people++;
        fastestPerson = Math.min(fastestPerson, b.averageGapMs());
      }
      if (scan != b.scanner()) {
        wrong++;
        System.out.printf(
            Locale.ROOT,
            "WRONG: %s burst of %d keys, %.1f ms apart on average, taken for %s%n",
            b.scanner() ? "scanner" : "person",
            b.text().length(),
            b.averageGapMs(),
            scan ? "a scan" : "typing");
      }
    }
    // cost: replay the whole set repeatedly
    long start = System.nanoTime();
    int rounds = 200;
    for (int i = 0; i < rounds; i++) {
      for (WedgeBursts.Burst b : bursts) {
        WedgeBursts.replay(new BurstClassifier(config), b, 0);
      }
    }
    double nsPerKey = (System.nanoTime() - start) / (double) (rounds * keys);
    System.out.printf(
        Locale.ROOT,
        "bursts: %d (%d scanner, %d person); right: %d; wrong: %d%n"
            + "slowest scanner burst: %.1f ms average gap; fastest person: %.1f ms"
            + " (threshold %d ms)%n"
            + "classifier cost: %.0f ns a keystroke%n",
        bursts.size(),
        scanners,
        people,
        bursts.size() - wrong,
        wrong,
        slowestScanner,
        fastestPerson,
        config.maxAverageGap().toMillis(),
        nsPerKey);
    if (wrong > 0) {
      System.exit(1);
    }
  }
}
