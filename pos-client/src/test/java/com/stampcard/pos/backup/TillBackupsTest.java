package com.stampcard.pos.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.CustomerCodes;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.program.Purchase;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.till.MutableClock;
import com.stampcard.core.till.RedemptionAuthority;
import com.stampcard.core.till.StampRequest;
import com.stampcard.pos.TillAssembly;
import com.stampcard.pos.config.TillConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups of the till's H2 file: made online, pruned, scheduled, and restored. */
class TillBackupsTest {
  private static final String CARD = "2900000000018";

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T11:00:00Z"));

  @Test
  void restoringABackupBringsBackTheStateItWasMadeIn() {
    Path backup;
    try (TillAssembly till = open()) {
      stamp(till);
      backup = backups(7).backUp();
      stamp(till);
      stamp(till);
      assertThat(stamps(till)).isEqualTo(3);
    }

    Optional<Path> previous = TillBackups.restore(backup, database(), clock);

    try (TillAssembly till = open()) {
      assertThat(stamps(till)).isEqualTo(1);
    }
    assertThat(previous).get().satisfies(p -> assertThat(p).exists());
    assertThat(previous.get().getFileName().toString()).startsWith("till.mv.db.before-restore-");
  }

  @Test
  void theRunningTillsDatabaseIsNotReplaced() {
    try (TillAssembly till = open()) {
      stamp(till);
      Path backup = backups(7).backUp();
      stamp(till);

      assertThatThrownBy(() -> TillBackups.restore(backup, database(), clock))
          .isInstanceOf(BackupException.class)
          .hasMessageContaining("close the till");
      assertThat(stamps(till)).isEqualTo(2);
    }
  }

  @Test
  void aFileThatIsNotATillBackupIsRefused() throws Exception {
    Path notABackup = Files.writeString(dir.resolve("till-20261124T110000Z.zip"), "no zip");
    try (TillAssembly till = open()) {
      stamp(till);
    }

    assertThatThrownBy(() -> TillBackups.restore(notABackup, database(), clock))
        .isInstanceOf(BackupException.class);
    try (TillAssembly till = open()) {
      assertThat(stamps(till)).isEqualTo(1);
    }
  }

  @Test
  void onlyTheNewestBackupsAreKept() {
    TillBackups backups = backups(2);
    List<Path> made = new ArrayList<>();
    try (TillAssembly till = open()) {
      for (int i = 0; i < 4; i++) {
        stamp(till);
        made.add(backups.backUp());
        clock.advance(Duration.ofHours(1));
      }
    }

    assertThat(backups.backups()).containsExactly(made.get(3), made.get(2));
    assertThat(made.get(0)).doesNotExist();
    assertThat(backups.newest()).contains(Instant.parse("2026-11-24T14:12:00Z"));
  }

  @Test
  void theRunningTillBacksItselfUpOnSchedule() throws InterruptedException {
    try (TillAssembly till = open("--backup.interval=PT1S", "--backup.keep=3")) {
      stamp(till);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (backups(3).backups().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(backups(3).backups()).hasSize(1);
    }
  }

  @Test
  void theFirstBackupIsDueAnIntervalAfterTheNewestOnDisk() {
    TillBackups backups = backups(7);
    Duration day = Duration.ofDays(1);
    assertThat(BackupSchedule.firstDelay(backups, day, clock.instant()))
        .isEqualTo(BackupSchedule.FIRST_WITHOUT_ANY);
    try (TillAssembly till = open()) {
      stamp(till);
      backups.backUp();
    }

    assertThat(BackupSchedule.firstDelay(backups, day, clock.instant().plusSeconds(3600)))
        .isEqualTo(Duration.ofHours(23));
    assertThat(BackupSchedule.firstDelay(backups, day, clock.instant().plus(Duration.ofDays(3))))
        .isZero();
  }

  @Test
  void theConfigurationPutsBackupsNextToTheDatabaseUnlessToldOtherwise() {
    TillConfig defaults = config();
    TillConfig elsewhere = config("--backup.folder=" + dir.resolve("safe"), "--backup.keep=30");

    assertThat(defaults.backup().folder()).isEqualTo(dir.resolve("backups"));
    assertThat(defaults.backup().interval()).isEqualTo(Duration.ofHours(24));
    assertThat(elsewhere.backup().folder()).isEqualTo(dir.resolve("safe"));
    assertThat(elsewhere.backup().keep()).isEqualTo(30);
  }

  /** The till with no scheduled backups, unless {@code settings} ask for them. */
  private TillAssembly open(String... settings) {
    List<String> args = new ArrayList<>();
    args.add("--backup.interval=PT0S");
    args.addAll(List.of(settings));
    return TillAssembly.open(
        config(args.toArray(String[]::new)), clock, RedemptionAuthority.standaloneTill(), 1_000);
  }

  private TillConfig config(String... settings) {
    List<String> args = new ArrayList<>();
    args.add("--store=cafe-norr");
    args.add("--till=cafe-norr-1");
    args.add("--database=" + dir.resolve("till"));
    args.add("--demoData=" + Path.of("../config/demo").toAbsolutePath().normalize());
    args.addAll(List.of(settings));
    return TillConfig.load(args, Map.of("XDG_CONFIG_HOME", dir.toString()));
  }

  private Path database() {
    return dir.resolve("till");
  }

  private TillBackups backups(int keep) {
    return new TillBackups(database(), TillBackups.folderNextTo(database()), keep, clock);
  }

  private void stamp(TillAssembly till) {
    clock.advance(Duration.ofMinutes(3)); // past the repeat window
    var code = ((CodeReading.Recognised) CustomerCodes.fromText(CARD)).code();
    till.services()
        .stamping()
        .stamp(
            new StampRequest(
                code,
                InputMethod.SCANNER,
                new ProgramId("coffee-card"),
                new StaffId("anna"),
                Purchase.unknown()));
  }

  private long stamps(TillAssembly till) {
    return till.services()
        .store()
        .inTransaction(
            tx ->
                tx.countAtTill(
                    till.services().context().settings().till(),
                    EventType.STAMP,
                    Instant.EPOCH,
                    Optional.empty()));
  }
}
