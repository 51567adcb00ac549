package com.stampcard.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

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
    }
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
    java.io.BufferedReader out =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.append(line).append('\n');
      if (line.startsWith(prefix)) {
        return;
      }
    }
    throw new AssertionError("the till ended before \"" + prefix + "\":\n" + seen);
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
