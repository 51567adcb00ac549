package com.stampcard.pos.bench;

import com.stampcard.pos.ui.TillApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up: from starting a new JVM to a usable login screen (the names loaded and laid out), for
 * the demo till on an existing database, and to the store being open (a login then goes straight
 * through; before, it waits for it, ADR 0312). Spawns the till as it is shipped (the packaged
 * {@code pos-client} jar with its {@code lib/}, the JVM options of {@code build/run-till}, {@code
 * Main --exit-when-ready}) on headless JavaFX (Monocle; no display here), in rounds of three: a
 * "hello window" baseline (JavaFX and one window, nothing of the till), the till, and the till with
 * a class-data sharing archive that a first run wrote with {@code -XX:ArchiveClassesAtExit}.
 * Prints, per variant, the median wall time, the median CPU time the process had used when it got
 * there (user + system, all threads, from /proc), and the wall time as a ratio of the baseline's in
 * the same round, with the load average.
 *
 * <p>CDS only archives classes from jars (a class folder on the class path makes JDK 17 refuse to
 * dump), which is why this runs the packaged jar: build it first with {@code ./mvnw -B -pl
 * pos-client -am package -DskipTests}.
 *
 * <p>Run from the repository root: {@code ./build/bench pos-client
 * com.stampcard.pos.bench.StartupBenchmark [ROUNDS]}
 */
public final class StartupBenchmark {
  static final String READY = TillApp.USABLE;
  private static final double TICKS_PER_SECOND = 100; // Linux's USER_HZ

  private StartupBenchmark() {}

  /**
   * One start: wall milliseconds to the usable line, the process's CPU milliseconds then, and wall
   * milliseconds to the store-open line (when a login goes straight through; -1 for the baseline).
   */
  private record Start(long wallMs, long cpuMs, long openMs) {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    Path jar = packagedJar();
    String monocle = onClassPath("openjfx-monocle");
    String till = jar + java.io.File.pathSeparator + monocle;
    String hello =
        till + java.io.File.pathSeparator + Path.of("pos-client", "target", "test-classes");
    List<String> jvm = tillJvmOptions();
    System.out.printf("the till's JVM options (build/run-till): %s%n", String.join(" ", jvm));
    Path dir = Files.createTempDirectory("till-startup");
    Path archive = dir.resolve("till.jsa");
    System.out.printf("load average at the start: %s%n", loadAverage());
    Start seeding = start(till, jvm, tillArgs(dir));
    System.out.printf("first start (creates and seeds the database): %d ms%n", seeding.wallMs());
    start(till, with(jvm, "-XX:ArchiveClassesAtExit=" + archive), tillArgs(dir));
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException("the JVM wrote no class-data archive at " + archive);
    }
    List<String> shared = with(jvm, "-XX:SharedArchiveFile=" + archive, "-Xshare:on");
    Start[] base = new Start[rounds];
    Start[] plain = new Start[rounds];
    Start[] cds = new Start[rounds];
    for (int i = 0; i < rounds; i++) {
      base[i] = start(hello, jvm, List.of(HelloWindow.class.getName()));
      plain[i] = start(till, jvm, tillArgs(dir));
      cds[i] = start(till, shared, tillArgs(dir));
      System.out.printf(
          "round %d (load %s): hello window %d ms (cpu %d), till %d ms (cpu %d, store open %d"
              + " ms), with CDS %d ms (cpu %d, store open %d ms)%n",
          i + 1,
          loadAverage(),
          base[i].wallMs(),
          base[i].cpuMs(),
          plain[i].wallMs(),
          plain[i].cpuMs(),
          plain[i].openMs(),
          cds[i].wallMs(),
          cds[i].cpuMs(),
          cds[i].openMs());
    }
    System.out.printf("process start to usable login screen, medians of %d rounds:%n", rounds);
    report("hello window (baseline)", base, base);
    report("till", plain, base);
    report("till with the CDS archive", cds, base);
    System.out.printf("load average at the end: %s%n", loadAverage());
  }

  private static void report(String what, Start[] starts, Start[] base) {
    long[] wall = Arrays.stream(starts).mapToLong(Start::wallMs).toArray();
    long[] cpu = Arrays.stream(starts).mapToLong(Start::cpuMs).toArray();
    long[] open = Arrays.stream(starts).mapToLong(Start::openMs).toArray();
    double[] ratio = new double[starts.length];
    for (int i = 0; i < starts.length; i++) {
      ratio[i] = (double) starts[i].wallMs() / base[i].wallMs();
    }
    Arrays.sort(ratio);
    System.out.printf(
        "  %-27s wall %5d ms, cpu %5d ms, %.2f× the baseline's wall%s%n",
        what,
        median(wall),
        median(cpu),
        ratio[ratio.length / 2],
        median(open) < 0
            ? ""
            : "; store open (a login goes straight through) " + median(open) + " ms");
  }

  private static List<String> tillArgs(Path dir) {
    return List.of(
        "com.stampcard.pos.Main",
        "--config=config/till.yaml",
        "--database=" + dir.resolve("till"),
        "--customerDisplay=OFF",
        "--exit-when-ready");
  }

  /** Starts a JVM, returns its wall and CPU milliseconds until it said it is usable. */
  private static Start start(String classPath, List<String> jvmOptions, List<String> mainAndArgs)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp",
            classPath,
            "-Dglass.platform=Monocle",
            "-Dmonocle.platform=Headless",
            "-Dprism.order=sw"));
    command.addAll(mainAndArgs);
    long t0 = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    long readyAt = -1;
    long cpuMs = -1;
    long openAt = -1;
    List<String> output = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (readyAt < 0 && line.startsWith(READY)) {
          readyAt = System.nanoTime();
          cpuMs = cpuMillis(process.pid());
        } else if (openAt < 0 && line.startsWith(TillApp.OPEN)) {
          openAt = System.nanoTime();
        } else if (output.size() < 50) {
          output.add(line);
        }
      }
    }
    if (!process.waitFor(120, TimeUnit.SECONDS) || readyAt < 0) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "no usable login screen from " + command + "; it said:\n" + String.join("\n", output));
    }
    return new Start(
        TimeUnit.NANOSECONDS.toMillis(readyAt - t0),
        cpuMs,
        openAt < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(openAt - t0));
  }

  /**
   * The JVM options the till runs with, as {@code build/run-till} gives them (ADR 0314; the
   * installers' launchers carry the same), so the benchmark starts the till as it is run.
   */
  private static List<String> tillJvmOptions() throws IOException {
    for (String line : Files.readAllLines(Path.of("build", "run-till"))) {
      String l = line.strip();
      if (l.startsWith("jvm=(") && l.endsWith(")")) {
        return List.of(l.substring("jvm=(".length(), l.length() - 1).split("\\s+"));
      }
    }
    throw new IllegalStateException("build/run-till has no line jvm=(...) with the till's options");
  }

  private static List<String> with(List<String> options, String... more) {
    List<String> all = new ArrayList<>(options);
    all.addAll(List.of(more));
    return all;
  }

  /** User + system CPU time of a live process, all its threads, from /proc/PID/stat. */
  private static long cpuMillis(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    // Fields after the command's closing parenthesis: state is field 3, utime 14, stime 15.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    return Math.round(ticks * 1000 / TICKS_PER_SECOND);
  }

  static String loadAverage() throws IOException {
    String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return f[0] + " " + f[1] + " " + f[2];
  }

  private static Path packagedJar() throws IOException {
    Path target = Path.of("pos-client", "target");
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "pos-client-*.jar")) {
      for (Path jar : jars) {
        if (!jar.getFileName().toString().endsWith("-tests.jar")
            && Files.isDirectory(target.resolve("lib"))) {
          return jar;
        }
      }
    } catch (java.nio.file.NoSuchFileException e) {
      // reported below
    }
    throw new IllegalStateException(
        "no packaged till in "
            + target
            + ": run ./mvnw -B -pl pos-client -am package -DskipTests first");
  }

  private static String onClassPath(String part) {
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (entry.contains(part)) {
        return entry;
      }
    }
    throw new IllegalStateException(part + " is not on the benchmark's class path");
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
