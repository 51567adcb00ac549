package com.stampcard.pos.bench;

/**
 * Resident size of the whole till (JavaFX, screens, Hibernate, H2) after 10,000 scans through the
 * keyboard-wedge reader: VmRSS from /proc/self/status, after a GC and a second to settle.
 *
 * <p>Run: {@code ./build/bench pos-client com.stampcard.pos.bench.MemoryBenchmark [SCANS]}; JVM
 * options (such as the heap limit the till runs with) in {@code BENCH_JAVA_OPTS}.
 */
public final class MemoryBenchmark {
  private MemoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int scans = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    System.out.printf("load average at the start: %s%n", StartupBenchmark.loadAverage());
    try (BenchTill till = new BenchTill()) {
      long atLogin = BenchTill.rssKb();
      for (int i = 0; i < scans; i++) {
        till.scan(ScanLatencyBenchmark.card(i));
      }
      System.gc();
      Thread.sleep(1_000);
      Runtime rt = Runtime.getRuntime();
      System.out.printf(
          "RSS at the counter %d MB; after %d scans %d MB (heap used %d MB, committed %d MB,"
              + " max %d MB)%n",
          atLogin / 1024,
          scans,
          BenchTill.rssKb() / 1024,
          (rt.totalMemory() - rt.freeMemory()) >> 20,
          rt.totalMemory() >> 20,
          rt.maxMemory() >> 20);
    }
    System.out.printf("load average at the end: %s%n", StartupBenchmark.loadAverage());
    System.exit(0);
  }
}
