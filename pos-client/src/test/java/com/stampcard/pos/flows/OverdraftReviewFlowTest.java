package com.stampcard.pos.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.ledger.EventType;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.till.MutableClock;
import com.stampcard.pos.testing.TillRig;
import com.stampcard.server.CentralServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #8 end to end: two tills of one store, each with its embedded sync agent, against a real
 * central server (embedded H2) that is stopped while both redeem the same full card. When it is
 * back, the server keeps both redemptions and flags the one that reached it second as an overdraft;
 * on that till, the manager's review shows it first, with the reason and its cashier, till and
 * time. Which push arrives second is the agents' race, so the test asks the server which till it
 * flagged and opens the review there.
 */
class OverdraftReviewFlowTest extends TillUiTest {
  private static final String CARD = "2900000000018";
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
          .withZone(ZoneId.of("Europe/Stockholm"));

  private final MutableClock clock = new MutableClock(TillRig.NOON);
  private CentralServer server;
  private TillRig first;
  private TillRig second;

  @AfterEach
  void stopAll() {
    // the till on the stage is closed by TillUiTest; the other one here
    for (TillRig t : new TillRig[] {first, second}) {
      if (t != null && t != rig) {
        t.close();
      }
    }
    if (server != null) {
      server.close();
    }
  }

  private TillRig till(Path folder, String tillId) throws Exception {
    Files.createDirectories(folder);
    String code = server.enrolment().newCode(new StoreId("cafe-norr"), new TillId(tillId)).code();
    return TillRig.withSync(
        folder, clock, "--till=" + tillId, "--server.url=" + server.uri(), "--enrol=" + code);
  }

  /** Shows {@code till} on the stage, the login screen first. */
  private void onStage(TillRig till) throws TimeoutException {
    rig = till;
    show();
  }

  /** Redeems the card at the till on the stage, offline, and returns when that happened. */
  private Instant redeemOffline() {
    press(KeyCode.F2);
    until(() -> text("#mode-title").startsWith("Redeem mode"));
    rig.scanLater(CARD);
    until(() -> visible("#panel-check"));
    assertThat(labels("#reasons .label"))
        .contains("The server can't be reached: redeeming within the offline budget.");
    robot.clickOn("#approve");
    until(() -> visible("#panel-redeemed"));
    return clock.instant();
  }

  /** Events of {@code type} in the till's store, from every till of the store. */
  private static long events(TillRig till, EventType type) {
    return till.till
        .services()
        .store()
        .inTransaction(tx -> tx.eventsSince(Instant.EPOCH, Set.of(type), 1_000).size());
  }

  /** The till the server flagged an overdraft for, once it has one. */
  private String flaggedTill() {
    return server
        .database()
        .read(
            c -> {
              try (PreparedStatement s =
                      c.prepareStatement("SELECT till_id FROM overdraft_review");
                  ResultSet r = s.executeQuery()) {
                String till = r.next() ? r.getString(1) : null;
                return r.next() ? "more than one" : till;
              }
            });
  }

  @Test
  void theRedemptionTheServerFlagsAsAnOverdraftComesFirstInThatTillsReview() throws Exception {
    server = startServer(0, clock);
    int port = server.port();
    first = till(dir.resolve("till-1"), "cafe-norr-1");
    second = till(dir.resolve("till-2"), "cafe-norr-2");
    onStage(first);
    until(() -> text("#sync-status").startsWith("Synced"));
    logInAndChoose("anna", "1234", "coffee-card");
    fillCard(CARD);
    // the full card reaches the second till through the server
    eventually(() -> events(second, EventType.STAMP) == 10);

    server.close();
    server = null;
    until(() -> text("#sync-status").startsWith("Offline since"));
    Instant byAnna = redeemOffline();
    onStage(second);
    until(() -> text("#sync-status").startsWith("Offline since"));
    logInAndChoose("erik", "2345", "coffee-card");
    Instant byErik = redeemOffline();
    assertThat(byErik).isAfter(byAnna);

    server = startServer(port, clock);
    // both redemptions reach the server and each till learns the other's and the overdraft
    eventually(() -> events(first, EventType.REDEEM) == 2 && events(second, EventType.REDEEM) == 2);
    eventually(() -> flaggedTill() != null);
    String flagged = flaggedTill();
    assertThat(flagged).isIn("cafe-norr-1", "cafe-norr-2");
    TillRig there = flagged.equals("cafe-norr-1") ? first : second;
    eventually(() -> there.till.syncAgent().orElseThrow().overdrafts().size() == 1);
    String cashier = there == first ? "Anna" : "Erik";
    Instant when = there == first ? byAnna : byErik;
    String otherTill = there == first ? "cafe-norr-2" : "cafe-norr-1";

    if (rig != there) {
      // the first till, shown again: its cashier logs in
      onStage(there);
      logInAndChoose("anna", "1234", "coffee-card");
    }
    press(KeyCode.F8);
    until(() -> visible("#manager-area-pin"));
    robot.clickOn("#manager-area-id").write("maria");
    robot.clickOn("#manager-area-pin").write("9999").press(KeyCode.ENTER).release(KeyCode.ENTER);
    until(() -> visible("#review-list") && cells() == 2);

    assertThat(reviewLineText(0)).contains("Overdraft found on sync");
    assertThat(reviewLineText(0))
        .contains("by " + cashier + " · till " + flagged + " · " + WHEN.format(when));
    assertThat(reviewLineText(0)).contains("Coffee card: card redeemed, stamps 10");
    assertThat(reviewLineText(1)).doesNotContain("Overdraft found on sync");
    assertThat(reviewLineText(1)).contains("till " + otherTill);
    screenshot("25-manager-review-overdraft");
  }

  private static void eventually(Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    } catch (TimeoutException e) {
      throw new AssertionError("not within 30 s", e);
    }
  }

  private int cells() {
    return (int)
        robot.lookup("#review-list .list-cell").queryAll().stream()
            .filter(n -> ((ListCell<?>) n).getItem() != null)
            .count();
  }

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
