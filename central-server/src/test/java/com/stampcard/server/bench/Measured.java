package com.stampcard.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Timings a benchmark collected, and the machine they were taken on. */
public final class Measured {
  private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());
  private final java.util.concurrent.atomic.AtomicInteger retries =
      new java.util.concurrent.atomic.AtomicInteger();

  /** One more request that had to be sent again. */
  public void retried() {
    retries.incrementAndGet();
  }

  public void add(double ms) {
    millis.add(ms);
  }

  public void addNanos(long nanos) {
    add(nanos / 1e6);
  }

  public int count() {
    return millis.size();
  }

  /** The {@code p}-th percentile (0-100), nearest rank. */
  public double percentile(double p) {
    List<Double> sorted;
    synchronized (millis) {
      sorted = new ArrayList<>(millis);
    }
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  public String summary() {
    return String.format(
        Locale.ROOT,
        "n=%d median=%.1f ms p95=%.1f ms max=%.1f ms%s",
        count(),
        percentile(50),
        percentile(95),
        percentile(100),
        retries.get() == 0 ? "" : " (" + retries.get() + " sent again after a 503)");
  }

  /** Cores, load averages and JVM, for the write-up. */
  public static String machine() {
    String load;
    try {
      load = Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      load = "unknown";
    }
    return "cores="
        + Runtime.getRuntime().availableProcessors()
        + " loadavg(1/5/15 min, running/total)="
        + load
        + " java="
        + System.getProperty("java.version");
  }

  /** CPU seconds this JVM has used so far. */
  public static double jvmCpuSeconds() {
    return ProcessHandle.current()
        .info()
        .totalCpuDuration()
        .map(d -> d.toNanos() / 1e9)
        .orElse(Double.NaN);
  }

  /**
   * CPU seconds used so far by the PostgreSQL cluster that serves this JVM's databases (named
   * {@code stampcard_<pid>_n} by the tests' helper): its postmaster and every live child. Linux
   * only; NaN elsewhere.
   */
  public static double postgresCpuSeconds() {
    String marker = "stampcard_" + ProcessHandle.current().pid() + "_";
    try {
      long postmaster = -1;
      for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
        String cmd = cmdline(p.pid());
        if (cmd.contains(marker) && p.parent().isPresent()) {
          postmaster = p.parent().get().pid();
          break;
        }
      }
      if (postmaster < 0) {
        return Double.NaN;
      }
      double total = ticks(postmaster);
      for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
        if (p.parent().map(ProcessHandle::pid).orElse(-1L) == postmaster) {
          total += ticks(p.pid());
        }
      }
      return total / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static String cmdline(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** utime + stime of a process, in clock ticks (USER_HZ, 100 on Linux). */
  private static long ticks(long pid) throws IOException {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (java.nio.file.NoSuchFileException gone) {
      return 0;
    }
  }
}
