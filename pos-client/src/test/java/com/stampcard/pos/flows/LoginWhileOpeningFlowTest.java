package com.stampcard.pos.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.till.RedemptionAuthority;
import com.stampcard.pos.testing.TillRig;
import com.stampcard.pos.ui.Screenshots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The login screen before the till's store has opened (ADR 0312): the names come from the file at
 * once, a login waits for the store and then counts as any other, and a store that fails to open
 * replaces the screens with what to do. The opening is held on a real thing it reads: the demo
 * staff file is a named pipe, so the opening waits until the test writes it.
 */
class LoginWhileOpeningFlowTest extends TillUiTest {
  private volatile boolean released;

  @Test
  void theNamesShowAtOnceAndAWrongPinTypedMeanwhileCountsOnceTheStoreIsOpen() throws Exception {
    Path staff = tillThatRanBeforeWithItsDemoStaffHeld();
    rig = TillRig.starting(dir, "--demoData=" + staff.getParent(), "--login.maxFailures=3");
    show();
    assertThat(rig.till.opened()).isNotDone();
    screenshot("26-login-while-the-store-opens");

    logIn("erik", "0000");
    until(() -> visible("#login-checking"));
    assertThat(rig.till.opened()).isNotDone();
    assertThat(visible("#login-problem")).isFalse();

    release(staff, demoStaff());
    rig.till.opened().get(60, TimeUnit.SECONDS);
    until(() -> visible("#login-problem"));
    assertThat(text("#login-problem")).startsWith("Wrong name or PIN.");
    logIn("erik", "0000");
    until(() -> visible("#login-problem"));
    logIn("erik", "0000");
    until(() -> text("#login-problem").startsWith("Too many wrong PINs"));
  }

  @Test
  void theRightPinTypedMeanwhileLogsInOnceTheStoreIsOpen() throws Exception {
    Path staff = tillThatRanBeforeWithItsDemoStaffHeld();
    rig = TillRig.starting(dir, "--demoData=" + staff.getParent());
    show();
    logIn("anna", "1234");
    until(() -> visible("#login-checking"));

    release(staff, demoStaff());
    until(() -> visible("#program-coffee-card"));
  }

  @Test
  void aStoreThatFailsToOpenAfterTheLoginScreenShowsWhatToDoInstead() throws Exception {
    Path staff = tillThatRanBeforeWithItsDemoStaffHeld();
    rig = TillRig.starting(dir, "--demoData=" + staff.getParent());
    show();

    release(staff, "staff: [ {id: anna\n");
    until(() -> visible("#startup-problem"));
    assertThat(text("#startup-problem")).startsWith("A demo data file in " + staff.getParent());
    // the stage now shows another scene than the till window's
    Path shot =
        WaitForAsyncUtils.waitForAsyncFx(
            5_000,
            () ->
                Screenshots.save(
                    FxToolkit.toolkitContext().getRegisteredStage().getScene(),
                    "27-store-failed-after-login-screen"));
    assertThat(shot).exists();
  }

  /**
   * A pipe a failed test left unwritten: written on a thread of its own, so nothing waits on it.
   */
  @AfterEach
  void releaseAPipeLeftHeld() {
    Path pipe = dir.resolve("demo-held").resolve("staff.yaml");
    if (!released && Files.exists(pipe)) {
      Thread writer =
          new Thread(
              () -> {
                try {
                  release(pipe, demoStaff());
                } catch (IOException e) {
                  // the opening had already stopped: nothing waits for the pipe
                }
              });
      writer.setDaemon(true);
      writer.start();
    }
  }

  /**
   * Runs a till once on the test's database (so its file has the demo staff), then makes a copy of
   * the demo data whose staff file is a named pipe: a till started on it opens its file, reads its
   * staff, and then waits in the demo data's loading until the test writes the pipe.
   */
  private Path tillThatRanBeforeWithItsDemoStaffHeld() throws IOException, InterruptedException {
    TillRig.open(dir, RedemptionAuthority.standaloneTill()).close();
    Path demo = TillRig.configFolder().resolve("demo");
    Path held = Files.createDirectories(dir.resolve("demo-held"));
    try (var files = Files.list(demo)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals("staff.yaml")) {
          Files.copy(f, held.resolve(f.getFileName()));
        }
      }
    }
    Path pipe = held.resolve("staff.yaml");
    Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    return pipe;
  }

  /** Writes the pipe; this waits until the opening reads it. */
  private void release(Path pipe, String content) throws IOException {
    released = true;
    Files.writeString(pipe, content, StandardCharsets.UTF_8);
  }

  private static String demoStaff() throws IOException {
    return Files.readString(TillRig.configFolder().resolve("demo").resolve("staff.yaml"));
  }
}
