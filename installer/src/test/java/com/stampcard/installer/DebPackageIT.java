package com.stampcard.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.server.CentralServer;
import com.stampcard.server.testing.Http;
import com.stampcard.server.testing.TestServers;
import com.stampcard.server.testing.Tills;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the till's DEB as IT would ({@code dpkg -i}), runs the installed launcher without a
 * display, and removes the package again. Needs the DEB ({@code -Pdeb}), Debian's dpkg and root;
 * without them the test is skipped and says why.
 */
class DebPackageIT {
  private static final String PACKAGE = "stampcard-till";
  private static final Path LAUNCHER = Path.of("/opt/stampcard-till/bin/stampcard-till");

  @TempDir static Path work;

  /** Runs the installed launcher with its log in the test's folder, not in root's home. */
  private static Commands.Result launch(String input, String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>();
    command.add(LAUNCHER.toString());
    command.addAll(List.of(args));
    return Commands.run(command, work, input, Map.of("XDG_STATE_HOME", state().toString()));
  }

  private static Path state() {
    return work.resolve("state");
  }

  @BeforeAll
  static void install() throws IOException {
    Path deb = tillDeb();
    if (!Files.isExecutable(Path.of("/usr/bin/dpkg"))) {
      abort("no dpkg here: the DEB is built but can't be installed on this system");
    }
    if (!Commands.run(List.of("id", "-u"), work).output().strip().equals("0")) {
      abort("installing " + deb.getFileName() + " needs root: run the build as root to test it");
    }
    Commands.Result installed = Commands.run(List.of("dpkg", "-i", deb.toString()), work);
    assertThat(installed.exitCode()).as("dpkg -i:%n%s", installed.output()).isZero();
    assertThat(installed.output()).doesNotContain("warning");
  }

  @AfterAll
  static void remove() throws IOException {
    if (Files.exists(LAUNCHER)) {
      Commands.Result purged = Commands.run(List.of("dpkg", "-P", PACKAGE), work);
      assertThat(purged.exitCode()).as("dpkg -P:%n%s", purged.output()).isZero();
      assertThat(LAUNCHER).doesNotExist();
      assertThat(Path.of("/usr/share/applications/stampcard-till.desktop")).doesNotExist();
      assertThat(AGENT_UNIT).doesNotExist();
      assertThat(Path.of("/usr/bin/stampcard-sync-agent")).doesNotExist();
    }
  }

  @Test
  void syncAgentRunsAsItsSystemdUnitSaysFromThePackage() throws Exception {
    // the unit as installed, and what it names: the launcher, the user postinst made
    assertThat(AGENT_UNIT).exists();
    String unit = Files.readString(AGENT_UNIT);
    String execStart = unitValue(unit, "ExecStart");
    String user = unitValue(unit, "User");
    assertThat(execStart).isEqualTo("/opt/stampcard-till/bin/stampcard-sync-agent");
    assertThat(Path.of(execStart)).isExecutable();
    assertThat(Path.of("/usr/bin/stampcard-sync-agent")).isSymbolicLink();
    assertThat(Commands.run(List.of("getent", "passwd", user), work).output())
        .as("the unit's user")
        .contains(user + ":")
        .contains(":/var/lib/stampcard:");
    assertThat(unitValue(unit, "StateDirectory")).isEqualTo("stampcard");
    if (Files.isExecutable(Path.of("/usr/bin/systemd-analyze"))) {
      Commands.Result verify =
          Commands.run(List.of("systemd-analyze", "verify", AGENT_UNIT.toString()), work);
      assertThat(verify.exitCode()).as(verify.output()).isZero();
      assertThat(verify.output())
          .doesNotContain("Unknown key", "Failed to parse", "not executable");
    }

    // a folder the service's user owns, as StateDirectory gives it /var/lib/stampcard
    Path state = Files.createTempDirectory(Path.of("/var/tmp"), "stampcard-agent-");
    Commands.run(List.of("chown", user + ":" + user, state.toString()), work);
    Path database = state.resolve("till");
    try (CentralServer server = TestServers.h2(work.resolve("agent-server"), Map.of())) {
      Map<String, String> env =
          Map.of(
              "HOME", "/var/lib/stampcard",
              "XDG_CONFIG_HOME", state.resolve("no-config").toString(),
              "STAMPCARD_TILL_DATABASE", database.toString(),
              "STAMPCARD_SERVER_URL", server.uri().toString(),
              "STAMPCARD_SYNC_POLL", "PT0.1S");

      // --check-config: a bad value names the file, the key and what is allowed
      Path bad = Files.writeString(state.resolve("bad.yaml"), "sync:\n  pushBatch: 0\n");
      Commands.Result check = asUser(user, env, execStart, "--check-config", "--config=" + bad);
      assertThat(check.exitCode()).as(check.output()).isEqualTo(2);
      assertThat(check.output())
          .contains("In " + bad + ", sync.pushBatch is '0': use a whole number from 1 to 10000");

      String code =
          server.enrolment().newCode(new StoreId("cafe-norr"), new TillId("solo-1")).code();
      Commands.Result enrol = asUser(user, env, execStart, "enrol", code);
      assertThat(enrol.exitCode()).as(enrol.output()).isZero();
      assertThat(enrol.output()).contains("enrolled, online");

      // the installed till stamps a card on that database while no agent runs
      Commands.Result till =
          asUserTyping(
              user,
              env,
              "anna\n1234\n2900000000018\n:quit\n",
              LAUNCHER.toString(),
              "--console",
              "--store=cafe-norr",
              "--till=solo-1",
              "--database=" + database,
              "--backup.interval=PT0S");
      assertThat(till.output()).contains("Stamp given");

      // the service: ExecStart as User, until systemd would stop it (SIGTERM)
      List<String> command = new java.util.ArrayList<>(setpriv(user));
      command.add("env");
      env.forEach((k, v) -> command.add(k + "=" + v));
      command.add(execStart);
      Process agent =
          new ProcessBuilder(command).directory(state.toFile()).redirectErrorStream(true).start();
      try {
        // the reader blocks: three minutes at most, then the finally below stops the agent
        java.util.concurrent.CompletableFuture.runAsync(
                () -> {
                  try {
                    awaitLine(agent, l -> l.contains("enrolled, online"));
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                })
            .get(180, java.util.concurrent.TimeUnit.SECONDS);
        String other = Tills.enrol(server, "cafe-norr", "cafe-norr-9");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (eventsOfTill(server, other, "solo-1") == 0 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(eventsOfTill(server, other, "solo-1")).as("pushed by the service").isEqualTo(1);
      } finally {
        agent.destroy();
        assertThat(agent.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      }
      assertThat(String.valueOf(agent.exitValue()))
          .as("the exit status on SIGTERM is one the unit counts as success")
          .isIn("0", unitValue(unit, "SuccessExitStatus"));
    } finally {
      Commands.run(List.of("rm", "-rf", state.toString()), work);
    }
  }

  private static final Path AGENT_UNIT =
      Path.of("/lib/systemd/system/stampcard-sync-agent.service");

  /** The value of {@code key=} in a unit file (its only or last line). */
  private static String unitValue(String unit, String key) {
    return unit.lines()
        .filter(l -> l.startsWith(key + "="))
        .reduce((a, b) -> b)
        .map(l -> l.substring(key.length() + 1).strip())
        .orElseThrow(() -> new AssertionError("no " + key + "= in the unit"));
  }

  /** Runs as {@code user} what systemd would: setpriv switches user and group, then execs. */
  private static List<String> setpriv(String user) {
    return List.of(
        "setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups", "--reset-env", "--");
  }

  private static Commands.Result asUser(
      String user, Map<String, String> env, String program, String... args) throws IOException {
    return asUserTyping(user, env, "", program, args);
  }

  private static Commands.Result asUserTyping(
      String user, Map<String, String> env, String input, String program, String... args)
      throws IOException {
    List<String> command = new java.util.ArrayList<>(setpriv(user));
    command.add("env");
    env.forEach((k, v) -> command.add(k + "=" + v));
    command.add(
        "XDG_STATE_HOME=" + Path.of(env.get("STAMPCARD_TILL_DATABASE")).resolveSibling("state"));
    command.add(program);
    command.addAll(List.of(args));
    return Commands.run(command, Path.of(env.get("STAMPCARD_TILL_DATABASE")).getParent(), input);
  }

  /** Events of {@code till} the server hands another till of the store on a pull. */
  private static long eventsOfTill(CentralServer server, String credential, String till) {
    Http.Answer page = new Http(server.uri()).get("/api/v1/changes", credential);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    long n = 0;
    for (var e : page.json().get("events")) {
      if (e.get("till_id").asText().equals(till)) {
        n++;
      }
    }
    return n;
  }

  @Test
  void installedLauncherChecksItselfWithoutADisplay() throws IOException {
    Commands.Result check = launch("", "--self-check", "--database=" + work.resolve("self/till"));

    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output())
        .contains("Stampcard till " + System.getProperty("stampcard.version", "0.1.0-SNAPSHOT"))
        .contains("Store: " + work.resolve("self/till.mv.db") + " opened, schema up to date")
        .contains("Readers found:")
        .contains("Self-check passed.");
    assertThat(work.resolve("self/till.mv.db")).exists();
    // the log in the usual place: $XDG_STATE_HOME/stampcard
    assertThat(state().resolve("stampcard/till.log")).content().contains("Migrating schema");
  }

  @Test
  void installedTillMapsItsClassesFromTheArchivePostinstMade() throws IOException {
    assertThat(Path.of("/opt/stampcard-till/lib/app/till.jsa")).isRegularFile();
    Path loaded = work.resolve("classes-loaded.log");
    // -Xshare:on: the JVM refuses to start rather than run without the archive
    Commands.Result check =
        Commands.run(
            List.of(LAUNCHER.toString(), "--self-check", "--database=" + work.resolve("cds/till")),
            work,
            "",
            Map.of(
                "XDG_STATE_HOME",
                state().toString(),
                "JAVA_TOOL_OPTIONS",
                "-Xshare:on -Xlog:class+load=info:file=" + loaded));

    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(loaded)
        .content()
        .contains(
            "com.stampcard.pos.Main source: shared objects file",
            "org.h2.engine.Database source: shared objects file",
            "org.hibernate.internal.SessionFactoryImpl source: shared objects file");
  }

  @Test
  void installedTillStampsACardInConsoleMode() throws IOException {
    Commands.Result till =
        launch(
            "anna\n1234\n2900000000018\n:quit\n",
            "--console",
            "--demoData=" + Path.of(System.getProperty("stampcard.root"), "config", "demo"),
            "--store=cafe-norr",
            "--till=cafe-norr-1",
            "--database=" + work.resolve("console/till"));

    assertThat(till.exitCode()).as(till.output()).isZero();
    assertThat(till.output()).contains("Logged in: Anna", "✓ Stamp given (");
  }

  @Test
  void aRunningTillsDatabaseIsReportedNotBackedUpByHandAndNotReplaced() throws Exception {
    String database = "--database=" + work.resolve("busy/till");
    Commands.Result backup = launch("", "--backup-now", database);
    assertThat(backup.exitCode()).as(backup.output()).isZero();
    Path zip =
        Path.of(
            backup
                .output()
                .lines()
                .filter(l -> l.startsWith("Backed up to "))
                .findFirst()
                .orElseThrow()
                .substring("Backed up to ".length()));

    ProcessBuilder console =
        new ProcessBuilder(LAUNCHER.toString(), "--console", database)
            .directory(work.toFile())
            .redirectErrorStream(true);
    console.environment().put("XDG_STATE_HOME", state().toString());
    Process till = console.start();
    try {
      awaitLine(till, "Cashier id:");

      Commands.Result check = launch("", "--self-check", database);
      Commands.Result now = launch("", "--backup-now", database);
      Commands.Result restore = launch("", "--restore-backup", zip.toString(), database);

      assertThat(check.exitCode()).as(check.output()).isZero();
      assertThat(check.output()).contains("is open in a running till");
      assertThat(now.exitCode()).isEqualTo(1);
      assertThat(now.output()).contains("The till is running and backs itself up");
      assertThat(restore.exitCode()).isEqualTo(1);
      assertThat(restore.output()).contains("close the till, then restore");
    } finally {
      till.getOutputStream().close();
      if (!till.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        till.destroyForcibly();
      }
    }
  }

  /** Reads the process's output until a line starts with {@code prefix}. */
  private static void awaitLine(Process process, String prefix) throws IOException {
    awaitLine(process, l -> l.startsWith(prefix));
  }

  /** Reads the process's output until a line matches. */
  private static void awaitLine(Process process, java.util.function.Predicate<String> matching)
      throws IOException {
    java.io.BufferedReader out =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.append(line).append('\n');
      if (matching.test(line)) {
        return;
      }
    }
    throw new AssertionError("the process ended before the line it waited for:\n" + seen);
  }

  @Test
  void packageDeclaresWhatTheReadersNeedAndTheLauncherOpensPcsc() throws IOException {
    Commands.Result depends =
        Commands.run(List.of("dpkg-query", "-W", "-f=${Depends}", PACKAGE), work);

    assertThat(depends.output()).contains("libpcsclite1", "libv4l-0", "libgtk-3-0");
    assertThat(Files.readString(Path.of("/opt/stampcard-till/lib/app/stampcard-till.cfg")))
        .contains("--add-opens=java.smartcardio/sun.security.smartcardio=ALL-UNNAMED");
    assertThat(Path.of("/usr/share/applications/stampcard-till.desktop"))
        .content()
        .contains("Name=Stampcard till", "Exec=" + LAUNCHER);
    assertThat(Path.of("/opt/stampcard-till/lib/stampcard-till.png")).exists();
    assertThat(Path.of("/usr/bin/stampcard-till")).isSymbolicLink();
  }

  private static Path tillDeb() throws IOException {
    Path dir = Path.of(System.getProperty("stampcard.packages"));
    try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
      return files
          .filter(p -> p.getFileName().toString().matches("stampcard-till_.*_amd64\\.deb"))
          .findFirst()
          .orElseGet(
              () -> abort("no till DEB in " + dir + ": build with -Pdeb (build/test-all does)"));
    }
  }
}
