package com.stampcard.pos.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.till.RedemptionAuthority;
import com.stampcard.pos.testing.TillRig;
import com.stampcard.pos.ui.Screenshots;
import com.stampcard.server.CentralServer;
import com.stampcard.server.ServerConfig;
import com.stampcard.server.testing.TestServers;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A UI test of the whole till: real screens on a headless stage (Monocle), the real store on an H2
 * file, the demo data, the keyboard-wedge reader fed at scanner speed. Subclasses drive the flows
 * as a cashier would: taps on the screen, keys, scans.
 */
abstract class TillUiTest {
  @TempDir Path dir;

  protected TillRig rig;
  protected final FxRobot robot = new FxRobot();

  /** Opens the till with the standalone authority and {@code settings}, and shows it. */
  protected void start(String... settings) throws TimeoutException {
    start(RedemptionAuthority.standaloneTill(), settings);
  }

  protected void start(RedemptionAuthority authority, String... settings) throws TimeoutException {
    rig = TillRig.open(dir, authority, settings);
    show();
  }

  protected void show() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
    FxToolkit.setupStage(stage -> rig.show(stage));
    until(() -> robot.lookup("#staff-anna").tryQuery().isPresent());
  }

  @AfterEach
  void closeTill() throws TimeoutException {
    FxToolkit.cleanupStages();
    if (rig != null) {
      rig.close();
    }
  }

  /** Taps the cashier's name, the PIN on the keypad, and Log in. */
  protected void logIn(String id, String pin) {
    robot.clickOn("#staff-" + id);
    for (char d : pin.toCharArray()) {
      robot.clickOn("#pin-key-" + d);
    }
    robot.clickOn("#log-in");
  }

  protected void logInAndChoose(String id, String pin, String program) {
    logIn(id, pin);
    until(() -> visible("#program-" + program));
    robot.clickOn("#program-" + program);
    until(() -> visible("#counter-program"));
  }

  protected void press(KeyCode key) {
    WaitForAsyncUtils.asyncFx(() -> rig.scanner().press(key));
    WaitForAsyncUtils.waitForFxEvents();
  }

  /**
   * Waits for {@code condition}, evaluated on the UI thread. The limit is generous: it only bounds
   * a broken test, while a shared build machine may be slow to run a screen's work.
   */
  protected void until(Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(
          20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    } catch (TimeoutException e) {
      String shot = "failed-" + System.currentTimeMillis();
      try {
        screenshot(shot);
      } catch (RuntimeException | AssertionError ignored) {
        // the screenshot only helps to read the failure; the failure is what counts
      }
      throw new AssertionError(
          "the till did not show what was expected within 20 s; see target/screenshots/"
              + shot
              + ".png",
          e);
    }
  }

  /**
   * Stamps {@code card} ten times, a full coffee card, waiting for each stamp on the ledger rather
   * than on the confirmation, which fades after a few seconds (flows that check the screen do so
   * themselves).
   */
  protected void fillCard(String card) {
    long before = rig.count(com.stampcard.core.ledger.EventType.STAMP);
    for (int i = 1; i <= 10; i++) {
      rig.scanLater(card);
      long expected = before + i;
      try {
        WaitForAsyncUtils.waitFor(
            20,
            TimeUnit.SECONDS,
            () -> rig.count(com.stampcard.core.ledger.EventType.STAMP) == expected);
      } catch (TimeoutException e) {
        throw new AssertionError("stamp " + i + " of " + card + " was not recorded within 20 s", e);
      }
    }
  }

  /** The text of the labeled node {@code query} finds, read on the UI thread. */
  protected String text(String query) {
    try {
      return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).queryAs(Labeled.class).getText())
          .get();
    } catch (Exception e) {
      throw new AssertionError("no text at " + query, e);
    }
  }

  /** Whether {@code query} finds a node that is showing: it and all its parents visible. */
  protected boolean visible(String query) {
    return robot.lookup(query).tryQuery().map(TillUiTest::showing).orElse(false);
  }

  private static boolean showing(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return node.getScene() != null;
  }

  /** Saves the main window as {@code target/screenshots/NAME.png}. */
  protected void screenshot(String name) {
    WaitForAsyncUtils.waitForFxEvents();
    Path file =
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> Screenshots.save(rig.window().scene(), name));
    assertThat(file).exists();
  }

  /** Saves the customer display as {@code target/screenshots/NAME.png}. */
  protected void customerScreenshot(String name) {
    WaitForAsyncUtils.waitForFxEvents();
    Path file =
        WaitForAsyncUtils.waitForAsyncFx(
            5_000,
            () -> {
              rig.window().customerScene().getRoot().applyCss();
              rig.window().customerScene().getRoot().layout();
              return Screenshots.save(rig.window().customerScene(), name);
            });
    assertThat(file).exists();
  }

  /** Line {@code index} of the manager's redemption review. */
  protected Node reviewLine(int index) {
    return robot.lookup("#review-list .list-cell").queryAll().stream()
        .filter(n -> ((javafx.scene.control.ListCell<?>) n).getIndex() == index)
        .findFirst()
        .orElseThrow();
  }

  /** Every text in line {@code index} of the manager's redemption review, read on the UI thread. */
  protected String reviewLineText(int index) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () -> {
              StringBuilder all = new StringBuilder();
              robot.from(reviewLine(index)).lookup(".label").queryAllAs(Label.class).stream()
                  .forEach(l -> all.append(l.getText()).append('\n'));
              return all.toString();
            })
        .get();
  }

  /**
   * A central server on its H2 default in this test's folder, with the demo data, on {@code port}
   * (0: any free one), on the test's {@code clock}.
   */
  protected CentralServer startServer(int port, java.time.Clock clock) {
    return CentralServer.start(
        ServerConfig.of(
            Map.of(
                "http.port",
                Integer.toString(port),
                "admin.token",
                TestServers.ADMIN_TOKEN,
                "database.url",
                "jdbc:h2:file:" + dir.resolve("server").toAbsolutePath(),
                "demoData",
                TillRig.configFolder().resolve("demo").toAbsolutePath().toString())),
        clock);
  }
}
