package com.stampcard.pos;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.till.RedemptionAuthority;
import com.stampcard.pos.config.TillConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The till's command-line modes that IT uses: --check-config and --self-check. */
class MainTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream systemOut;
  private PrintStream systemErr;

  @BeforeEach
  void captureOutput() {
    systemOut = System.out;
    systemErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreOutput() {
    System.setOut(systemOut);
    System.setErr(systemErr);
  }

  @Test
  void checkConfigPrintsTheEffectiveConfigurationAndWhereEachValueCameFrom() throws IOException {
    Path file =
        Files.writeString(dir.resolve("till.yaml"), "store: cafe-norr\nlogin:\n  maxFailures: 3\n");

    int exit = Main.run(List.of("--check-config", "--config", file.toString(), "--language=sv"));

    assertThat(exit).isZero();
    assertThat(stdout())
        .contains("store: cafe-norr    # from " + file)
        .contains("login.maxFailures: 3    # from " + file)
        .contains("language: sv    # from command line")
        .contains("currency: SEK    # from built-in defaults");
  }

  @Test
  void checkConfigRefusesABadValueNamingTheFileTheKeyAndWhatIsAllowed() throws IOException {
    Path file = Files.writeString(dir.resolve("till.yaml"), "login:\n  maxFailures: lots\n");

    int exit = Main.run(List.of("--check-config", "--config=" + file));

    assertThat(exit).isNotZero();
    assertThat(stderr())
        .contains(file.toString())
        .contains("login.maxFailures")
        .contains("use a whole number from 1 to 20");
    assertThat(stdout()).isEmpty();
  }

  @Test
  void checkConfigRefusesAnUnknownKeyNamingTheFile() throws IOException {
    Path file = Files.writeString(dir.resolve("till.yaml"), "logn:\n  maxFailures: 3\n");

    int exit = Main.run(List.of("--check-config", "--config=" + file));

    assertThat(exit).isNotZero();
    assertThat(stderr()).contains(file.toString()).contains("'logn.maxFailures' is not a setting");
  }

  @Test
  void selfCheckOpensTheStoreListsReadersAndPrintsTheVersion() {
    int exit = Main.run(List.of("--self-check", "--database=" + dir.resolve("till")));

    assertThat(exit).as(stdout()).isZero();
    assertThat(stdout())
        .contains("Stampcard till " + SelfCheck.version())
        .contains("Store: " + dir.resolve("till.mv.db") + " opened, schema up to date")
        .contains("Readers found:")
        .contains("Self-check passed.");
    assertThat(SelfCheck.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(dir.resolve("till.mv.db")).exists();
  }

  @Test
  void selfCheckFailsWhenTheStoreCannotBeOpened() throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("occupied"), "a file where a folder should be");

    int exit = Main.run(List.of("--self-check", "--database=" + notAFolder.resolve("till")));

    assertThat(exit).isEqualTo(1);
    assertThat(stdout()).contains("could not be opened").contains("Self-check FAILED.");
  }

  @Test
  void backUpNowAndRestoreBackupBringTheDatabaseBack() throws IOException {
    String database = "--database=" + dir.resolve("till");
    assertThat(Main.run(List.of("--backup-now", database))).as(stderr()).isZero();
    String made =
        stdout().lines().filter(l -> l.startsWith("Backed up to ")).findFirst().orElseThrow();
    Path backup = Path.of(made.substring("Backed up to ".length()));
    assertThat(backup).exists().hasParent(dir.resolve("backups"));
    try (TillAssembly till = open(database, "--demoData=" + demo())) {
      assertThat(programs(till)).isPositive();
    }

    int exit = Main.run(List.of("--restore-backup", backup.toString(), database));

    assertThat(exit).as(stderr()).isZero();
    assertThat(stdout()).contains("Restored " + backup).contains("is kept as");
    try (TillAssembly till = open(database)) {
      assertThat(programs(till)).isZero();
    }
  }

  @Test
  void restoreBackupRefusesAFileThatIsNotThere() {
    int exit =
        Main.run(
            List.of(
                "--restore-backup",
                dir.resolve("nothing.zip").toString(),
                "--database=" + dir.resolve("till")));

    assertThat(exit).isEqualTo(2);
    assertThat(stderr()).contains("No backup file at " + dir.resolve("nothing.zip"));
  }

  private TillAssembly open(String... settings) {
    List<String> args = new java.util.ArrayList<>(List.of(settings));
    args.add("--backup.interval=PT0S");
    TillConfig config = TillConfig.load(args, Map.of("XDG_CONFIG_HOME", dir.toString()));
    return TillAssembly.open(
        config, Clock.systemUTC(), RedemptionAuthority.standaloneTill(), 1_000);
  }

  private static Path demo() {
    return Path.of("../config/demo").toAbsolutePath().normalize();
  }

  private static int programs(TillAssembly till) {
    return till.services().store().inTransaction(tx -> tx.programs().size());
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
