package com.stampcard.pos.bench;

import com.stampcard.core.code.PrintedCard;
import java.util.Arrays;

/**
 * Read to confirmation on screen: 1,000 scans of printed cards (200 customers in turn) through the
 * keyboard-wedge reader, the store and the screens; from the scanner's Enter to the frame that
 * shows the new card. Prints the median, p90, p99 and the worst, after 100 warm-up scans.
 *
 * <p>Run: {@code ./build/bench pos-client com.stampcard.pos.bench.ScanLatencyBenchmark [SCANS]}
 */
public final class ScanLatencyBenchmark {
  private ScanLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int scans = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    try (BenchTill till = new BenchTill()) {
      for (int i = 0; i < 100; i++) {
        till.scan(card(i));
      }
      long[] nanos = new long[scans];
      for (int i = 0; i < scans; i++) {
        nanos[i] = till.scan(card(i));
      }
      Arrays.sort(nanos);
      System.out.printf(
          "read to confirmation on screen, %d scans: median %.1f ms, p90 %.1f ms, p99 %.1f ms,"
              + " max %.1f ms%n",
          scans,
          ms(nanos[scans / 2]),
          ms(nanos[(int) (scans * 0.90)]),
          ms(nanos[(int) (scans * 0.99)]),
          ms(nanos[scans - 1]));
    }
    System.exit(0);
  }

  static String card(int i) {
    return PrintedCard.fromSerial(1_000 + (i % 200)).number();
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
