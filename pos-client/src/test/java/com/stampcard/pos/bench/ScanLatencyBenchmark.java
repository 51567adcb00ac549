package com.stampcard.pos.bench;

import com.stampcard.core.code.PrintedCard;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Read to confirmation on screen: 1,000 scans of printed cards (200 customers in turn) through the
 * keyboard-wedge reader, the store and the screens; from the scanner's Enter to the frame that
 * shows the new card. Prints the median, p90, p99 and the worst, after 100 warm-up scans; then
 * where the time went (see {@link BenchTill.Timing}): each stage's median and p99, and what the
 * slowest 1% of scans were made of, with how many of them saw a garbage collection.
 *
 * <p>Run: {@code ./build/bench pos-client com.stampcard.pos.bench.ScanLatencyBenchmark [SCANS]}
 */
public final class ScanLatencyBenchmark {
  private ScanLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int scans = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    System.out.printf("load average at the start: %s%n", StartupBenchmark.loadAverage());
    try (BenchTill till = new BenchTill()) {
      for (int i = 0; i < 100; i++) {
        till.scan(card(i));
      }
      BenchTill.Timing[] timings = new BenchTill.Timing[scans];
      for (int i = 0; i < scans; i++) {
        timings[i] = till.scan(card(i));
      }
      long[] nanos = sorted(timings, BenchTill.Timing::total);
      System.out.printf(
          "read to confirmation on screen, %d scans: median %.1f ms, p90 %.1f ms, p99 %.1f ms,"
              + " max %.1f ms%n",
          scans,
          ms(nanos[scans / 2]),
          ms(nanos[(int) (scans * 0.90)]),
          ms(nanos[(int) (scans * 0.99)]),
          ms(nanos[scans - 1]));
      stage("Enter to the worker", timings, BenchTill.Timing::toWorker);
      stage("store work (stamp committed)", timings, BenchTill.Timing::work);
      stage("back to the UI thread", timings, BenchTill.Timing::hopBack);
      stage("outcome to the frame shown", timings, BenchTill.Timing::toFrame);
      stage("CPU: store work (worker)", timings, BenchTill.Timing::workCpu);
      stage("CPU: UI thread, Enter to frame", timings, BenchTill.Timing::uiCpu);
      stage("CPU: both, the path's own cost", timings, BenchTill.Timing::pathCpu);
      List<BenchTill.Timing> slowest =
          Arrays.stream(timings)
              .sorted(Comparator.comparingLong(BenchTill.Timing::total).reversed())
              .limit(Math.max(1, scans / 100))
              .toList();
      System.out.printf(
          "  slowest %d, on average: total %.1f ms = to the worker %.1f + store %.1f + back %.1f"
              + " + to the frame %.1f; %d of them saw a collection (%.1f ms on average)%n",
          slowest.size(),
          mean(slowest, BenchTill.Timing::total),
          mean(slowest, BenchTill.Timing::toWorker),
          mean(slowest, BenchTill.Timing::work),
          mean(slowest, BenchTill.Timing::hopBack),
          mean(slowest, BenchTill.Timing::toFrame),
          slowest.stream().filter(t -> t.gcMillis() > 0).count(),
          slowest.stream().mapToLong(BenchTill.Timing::gcMillis).average().orElse(0));
      System.out.printf(
          "  collections: %d of %d scans saw one, %d ms in all%n",
          Arrays.stream(timings).filter(t -> t.gcMillis() > 0).count(),
          scans,
          Arrays.stream(timings).mapToLong(BenchTill.Timing::gcMillis).sum());
    }
    System.out.printf("load average at the end: %s%n", StartupBenchmark.loadAverage());
    System.exit(0);
  }

  private static void stage(
      String what, BenchTill.Timing[] timings, ToLongFunction<BenchTill.Timing> f) {
    long[] v = sorted(timings, f);
    System.out.printf(
        "  %-30s median %6.1f ms, p99 %6.1f ms%n",
        what, ms(v[v.length / 2]), ms(v[(int) (v.length * 0.99)]));
  }

  private static long[] sorted(BenchTill.Timing[] timings, ToLongFunction<BenchTill.Timing> f) {
    long[] v = Arrays.stream(timings).mapToLong(f).toArray();
    Arrays.sort(v);
    return v;
  }

  private static double mean(List<BenchTill.Timing> ts, ToLongFunction<BenchTill.Timing> f) {
    return ts.stream().mapToLong(f).average().orElse(0) / 1e6;
  }

  static String card(int i) {
    return PrintedCard.fromSerial(1_000 + (i % 200)).number();
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
