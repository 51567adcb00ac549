package com.stampcard.pos;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.till.MutableClock;
import com.stampcard.pos.testing.TillRig;
import com.stampcard.server.CentralServer;
import com.stampcard.server.testing.TestServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up of a till that names a central server (a real one, on loopback) but is not enrolled. */
class TillEnrolmentTest {
  @TempDir Path dir;
  private CentralServer server;

  @BeforeEach
  void startServer() {
    server = TestServers.h2(dir, Map.of());
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void withoutACodeTheTillRefusesToStartAndSaysWhatToDo() {
    assertThatThrownBy(
            () ->
                TillRig.withSync(
                    dir, new MutableClock(TillRig.NOON), "--server.url=" + server.uri()))
        .isInstanceOf(TillEnrolmentException.class)
        .hasMessageContaining("--enrol CODE");
  }

  @Test
  void aCodeTheServerDoesNotKnowStopsStartUpWithTheServersReason() {
    assertThatThrownBy(
            () ->
                TillRig.withSync(
                    dir,
                    new MutableClock(TillRig.NOON),
                    "--server.url=" + server.uri(),
                    "--enrol=nonsense"))
        .isInstanceOf(TillEnrolmentException.class)
        .hasMessageContaining("could not enrol with " + server.uri());
  }

  @Test
  void aTillEnrolledAsAnotherTillThanItsConfigurationNamesIsRefusedAndToldWhatToSet() {
    String code =
        server.enrolment().newCode(new StoreId("cafe-norr"), new TillId("cafe-norr-2")).code();
    assertThatThrownBy(
            () ->
                TillRig.withSync(
                    dir,
                    new MutableClock(TillRig.NOON),
                    "--server.url=" + server.uri(),
                    "--enrol=" + code))
        .isInstanceOf(TillEnrolmentException.class)
        .hasMessageContaining("configured as till cafe-norr-1 at store cafe-norr")
        .hasMessageContaining("enrolled with " + server.uri() + " as till cafe-norr-2")
        .hasMessageContaining("'till: cafe-norr-2'");
  }
}
