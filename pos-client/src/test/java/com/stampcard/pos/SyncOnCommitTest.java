package com.stampcard.pos;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.CustomerCodes;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.program.Purchase;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.till.MutableClock;
import com.stampcard.core.till.StampOutcome;
import com.stampcard.core.till.StampRequest;
import com.stampcard.pos.config.TillConfig;
import com.stampcard.pos.testing.TillRig;
import com.stampcard.server.CentralServer;
import com.stampcard.server.testing.TestServers;
import com.stampcard.sync.SyncAgent;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** A stamp leaves for the server when it is committed, not at the agent's next look. */
class SyncOnCommitTest {
  @TempDir Path dir;

  /** An agent that would look by itself only every ten minutes. */
  private static final SyncAgent.Options SLOW_POLL =
      new SyncAgent.Options(
          Duration.ofMinutes(10),
          200,
          Duration.ofSeconds(5),
          Duration.ofSeconds(3),
          Duration.ofMillis(100),
          Duration.ofSeconds(1),
          Duration.ofSeconds(60));

  @Test
  void aCommittedStampWakesTheAgentAndReachesTheServer() throws Exception {
    MutableClock clock = new MutableClock(TillRig.NOON);
    try (CentralServer server = TestServers.h2(dir, Map.of())) {
      String code =
          server.enrolment().newCode(new StoreId("cafe-norr"), new TillId("cafe-norr-1")).code();
      TillConfig config =
          TillConfig.load(
              List.of(
                  "--config=" + TillRig.configFolder().resolve("till.yaml"),
                  "--database=" + dir.resolve("till"),
                  "--demoData=" + TillRig.configFolder().resolve("demo").toAbsolutePath(),
                  "--server.url=" + server.uri(),
                  "--enrol=" + code),
              Map.of("XDG_CONFIG_HOME", dir.toString()));
      try (TillAssembly till = TillAssembly.open(config, clock, SLOW_POLL, 1_000)) {
        // the agent's first round at start-up is over before the stamp
        WaitForAsyncUtils.waitFor(
            30,
            TimeUnit.SECONDS,
            () -> till.syncAgent().orElseThrow().status().lastSuccess().isPresent());
        var card = ((CodeReading.Recognised) CustomerCodes.fromText("2900000000018")).code();

        StampOutcome outcome =
            till.services()
                .stamping()
                .stamp(
                    new StampRequest(
                        card,
                        InputMethod.SCANNER,
                        new ProgramId("coffee-card"),
                        new StaffId("anna"),
                        Purchase.unknown()));

        assertThat(outcome).isInstanceOf(StampOutcome.Given.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> serverStamps(server) == 1);
      }
    }
  }

  private static long serverStamps(CentralServer server) {
    return server
        .database()
        .read(
            c -> {
              try (PreparedStatement s =
                      c.prepareStatement(
                          "SELECT COUNT(*) FROM ledger_event WHERE till_id = 'cafe-norr-1'"
                              + " AND type = 'STAMP'");
                  ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
              }
            });
  }
}
