package com.stampcard.pos.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up: from starting a new JVM to a usable login screen (the names loaded and laid out), for
 * the demo till on an existing database. Spawns the real app ({@code Main --exit-when-ready}) on
 * headless JavaFX (Monocle; no display here) several times and prints the median; then the same
 * with a class-data sharing archive made by a first run ({@code -XX:ArchiveClassesAtExit}).
 *
 * <p>Run from the repository root: {@code ./build/bench pos-client
 * com.stampcard.pos.bench.StartupBenchmark [RUNS]}
 */
public final class StartupBenchmark {
  private static final String READY = "Stampcard till: login screen usable";

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    Path dir = Files.createTempDirectory("till-startup");
    Path archive = dir.resolve("till.jsa");
    long seeding = start(dir, List.of());
    System.out.printf("first start (creates and seeds the database): %d ms%n", seeding);
    start(dir, List.of("-XX:ArchiveClassesAtExit=" + archive));
    long[] plain = new long[runs];
    long[] shared = new long[runs];
    for (int i = 0; i < runs; i++) {
      plain[i] = start(dir, List.of());
      shared[i] = start(dir, List.of("-XX:SharedArchiveFile=" + archive));
    }
    System.out.printf(
        "process start to usable login screen, median of %d: %d ms (runs %s)%n",
        runs, median(plain), Arrays.toString(plain));
    System.out.printf(
        "  with the class-data archive: %d ms (runs %s)%n",
        median(shared), Arrays.toString(shared));
  }

  /** Starts the till, returns the milliseconds until it said its login screen is usable. */
  private static long start(Path dir, List<String> jvmOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "-Dglass.platform=Monocle",
            "-Dmonocle.platform=Headless",
            "-Dprism.order=sw",
            "com.stampcard.pos.Main",
            "--config=config/till.yaml",
            "--database=" + dir.resolve("till"),
            "--customerDisplay=OFF",
            "--exit-when-ready"));
    long t0 = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    long readyAt = -1;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (readyAt < 0 && line.startsWith(READY)) {
          readyAt = System.nanoTime();
        }
      }
    }
    if (!process.waitFor(60, TimeUnit.SECONDS) || readyAt < 0) {
      process.destroyForcibly();
      throw new IllegalStateException("the till did not report a usable login screen");
    }
    return TimeUnit.NANOSECONDS.toMillis(readyAt - t0);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
