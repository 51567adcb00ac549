package com.stampcard.pos.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.ledger.EventType;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.till.MutableClock;
import com.stampcard.pos.testing.TillRig;
import com.stampcard.server.CentralServer;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The till with its embedded sync agent against a real central server (embedded H2) on an ephemeral
 * loopback port: enrolment with a one-time code, online redemption spent on the server, the status
 * bar, and the server stopped: stamping goes on and redemption stays within the offline budget.
 * Server and till share the test's clock.
 */
class SyncFlowTest extends TillUiTest {
  private static final String CARD = "2900000000018";
  private static final String OTHER_CARD = "2900000000025";
  private static final String THIRD_CARD = "2900000000032";

  private final MutableClock clock = new MutableClock(TillRig.NOON);
  private CentralServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private void startTill(String... settings) throws Exception {
    String code =
        server.enrolment().newCode(new StoreId("cafe-norr"), new TillId("cafe-norr-1")).code();
    String[] all = new String[settings.length + 2];
    all[0] = "--server.url=" + server.uri();
    all[1] = "--enrol=" + code;
    System.arraycopy(settings, 0, all, 2, settings.length);
    rig = TillRig.withSync(dir, clock, all);
    show();
  }

  private void redeem(String card) {
    press(KeyCode.F2);
    until(() -> text("#mode-title").startsWith("Redeem mode"));
    rig.scanLater(card);
    until(() -> visible("#panel-check"));
  }

  /** This till's events of {@code type} the server holds, recorded offline or not. */
  private long serverEvents(EventType type, boolean offline) {
    return server
        .database()
        .read(
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT COUNT(*) FROM ledger_event WHERE till_id = ? AND type = ?"
                          + " AND (flags LIKE '%OFFLINE%') = ?")) {
                s.setString(1, "cafe-norr-1");
                s.setString(2, type.name());
                s.setBoolean(3, offline);
                try (ResultSet r = s.executeQuery()) {
                  r.next();
                  return r.getLong(1);
                }
              }
            });
  }

  private static void eventually(java.util.concurrent.Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, condition);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("not within 10 s", e);
    }
  }

  @Test
  void onlineTheServerSpendsTheCardAndWithTheServerDownTheTillStampsAndRedeemsWithinItsBudget()
      throws Exception {
    server = startServer(0, clock);
    startTill("--redemption.offlineCardsPerTillPerDay=1");
    until(() -> text("#sync-status").startsWith("Synced"));
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("till.mv.db"))))
        .isEqualTo("rw-------");

    logInAndChoose("anna", "1234", "coffee-card");
    fillCard(CARD);
    redeem(CARD);
    assertThat(text("#verdict")).isEqualTo("OK. Check the card and approve.");
    robot.clickOn("#approve");
    until(() -> visible("#panel-redeemed"));
    assertThat(labels(".note")).doesNotContain(OFFLINE_NOTE);
    // the server holds the redemption as one spent online, not one recorded offline
    eventually(() -> serverEvents(EventType.REDEEM, false) == 1);
    fillCard(OTHER_CARD);
    fillCard(THIRD_CARD);
    eventually(() -> serverEvents(EventType.STAMP, false) == 30);
    until(() -> text("#sync-status").startsWith("Synced"));
    screenshot("20-synced");

    server.close();
    server = null;
    until(() -> text("#sync-status").startsWith("Offline since"));

    rig.scanLater(CARD);
    until(() -> visible("#panel-given") && text("#panel-given #card-count").startsWith("1 "));
    until(() -> text("#sync-status").matches("Offline since \\d\\d:\\d\\d, 1 waiting"));
    screenshot("21-offline-waiting");

    redeem(OTHER_CARD);
    assertThat(labels("#reasons .label"))
        .contains("The server can't be reached: redeeming within the offline budget.");
    robot.clickOn("#approve");
    until(() -> visible("#panel-redeemed"));
    assertThat(labels(".note")).contains(OFFLINE_NOTE);
    assertThat(rig.count(EventType.REDEEM)).isEqualTo(2);

    redeem(THIRD_CARD);
    assertThat(text("#verdict")).isEqualTo("Refused.");
    assertThat(robot.lookup("#approve").queryButton().isDisabled()).isTrue();
    assertThat(labels("#reasons .label"))
        .contains("The offline budget for today is used up. Redeem when the till is online again.");
    assertThat(rig.count(EventType.REDEEM)).isEqualTo(2);
  }

  private static final String OFFLINE_NOTE =
      "Recorded offline, within today's offline budget. It goes to the server when the till is"
          + " back online.";

  private java.util.List<String> labels(String query) {
    return WaitForAsyncUtils.waitForAsyncFx(
        5_000,
        () ->
            robot.lookup(query).queryAllAs(Label.class).stream()
                .filter(l -> l.getScene() != null && l.isVisible())
                .map(Label::getText)
                .toList());
  }
}
