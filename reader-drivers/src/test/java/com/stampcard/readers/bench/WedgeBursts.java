package com.stampcard.readers.bench;

import com.stampcard.readers.wedge.BurstClassifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The keyboard-wedge burst set, and replaying a burst into the classifier. */
public final class WedgeBursts {
  private WedgeBursts() {}

  /** One burst: who typed it, what, and the pause before each key and before Enter. */
  public record Burst(boolean scanner, String text, int[] gapsMs) {
    public double averageGapMs() {
      long sum = 0;
      for (int k = 1; k < gapsMs.length; k++) {
        sum += gapsMs[k];
      }
      return (double) sum / (gapsMs.length - 1);
    }
  }

  public static List<Burst> load() throws IOException {
    List<Burst> out = new ArrayList<>();
    try (InputStream in = WedgeBursts.class.getResourceAsStream("/wedge/bursts.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        String[] g = f[2].split(",");
        int[] gaps = new int[g.length];
        for (int k = 0; k < g.length; k++) {
          gaps[k] = Integer.parseInt(g[k]);
        }
        out.add(new Burst(f[0].equals("SCANNER"), f[1], gaps));
      }
    }
    return out;
  }

  /** Replays {@code b} into {@code c}, starting at {@code startNanos}; the outcome at Enter. */
  public static Optional<BurstClassifier.Outcome> replay(
      BurstClassifier c, Burst b, long startNanos) {
    long t = startNanos;
    for (int k = 0; k < b.text().length(); k++) {
      t += b.gapsMs()[k] * 1_000_000L;
      c.character(b.text().charAt(k), t);
    }
    t += b.gapsMs()[b.text().length()] * 1_000_000L;
    return c.endKey(true, t);
  }
}
