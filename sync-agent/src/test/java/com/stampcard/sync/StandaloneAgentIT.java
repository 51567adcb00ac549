package com.stampcard.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.sync.PushRequest;
import com.stampcard.server.CentralServer;
import com.stampcard.server.testing.Http;
import com.stampcard.server.testing.TestServers;
import com.stampcard.server.testing.Tills;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync agent as a service of its own ({@link SyncAgentMain}, in a JVM of its own) for a till
 * database file: it enrols, pushes what the till recorded, pulls what other tills did, stops
 * cleanly on SIGTERM, refuses a file another process holds, and refuses a bad setting by name.
 */
class StandaloneAgentIT {
  @TempDir Path folder;

  @Test
  void theAgentEnrolsPushesTheTillsEventsAndPullsTheStores() throws Exception {
    try (CentralServer server = TestServers.h2(folder.resolve("server"), Map.of())) {
      Path file = folder.resolve("solo-1");
      List<String> settings =
          List.of("--till.database=" + file, "--server.url=" + server.uri(), "--sync.poll=PT0.1S");
      String code =
          server.enrolment().newCode(new StoreId("cafe-norr"), new TillId("solo-1")).code();
      try (ChildJvm enrol =
          new ChildJvm(
              SyncAgentMain.class.getName(), List.of(), concat(List.of("enrol", code), settings))) {
        assertThat(enrol.waitFor(Duration.ofSeconds(90))).as(enrol.output()).isZero();
        assertThat(enrol.output()).contains("enrolled, online");
      }
      // the till recorded stamps while no agent ran
      UUID account = UUID.randomUUID();
      try (TestTill till = new TestTill(folder, server.uri(), "cafe-norr", "solo-1", null)) {
        till.know(account);
        for (int i = 0; i < 5; i++) {
          till.stamp(account);
        }
      }
      try (ChildJvm agent = new ChildJvm(SyncAgentMain.class.getName(), List.of(), settings)) {
        agent.awaitLine(l -> l.contains("syncing"), Duration.ofSeconds(90));
        waitUntil(() -> Convergence.of(server).events().size() == 5);
        // another till of the store stamps the same card
        Http http = new Http(server.uri());
        String other = Tills.enrol(server, "cafe-norr", "solo-2");
        assertThat(
                http.post(
                        "/api/v1/push",
                        other,
                        new PushRequest(
                            List.of(),
                            List.of(
                                Tills.stamp("cafe-norr", "solo-2", 1, account),
                                Tills.stamp("cafe-norr", "solo-2", 2, account))))
                    .status())
            .isEqualTo(200);
        // a second agent on the same file is refused while this one runs
        try (ChildJvm second =
            new ChildJvm(
                SyncAgentMain.class.getName(), List.of(), concat(List.of("once"), settings))) {
          assertThat(second.waitFor(Duration.ofSeconds(90))).isEqualTo(2);
          assertThat(second.output()).contains("in use by another Stampcard process");
        }
        Thread.sleep(3_000);
        agent.stop();
        assertThat(agent.output()).contains("0 events waiting");
      }
      try (TestTill till = new TestTill(folder, server.uri(), "cafe-norr", "solo-1", null)) {
        assertThat(till.eventRows()).isEqualTo(7);
        assertThat(till.balance(account)).isEqualTo(7);
      }
    }
  }

  @Test
  void settingsComeInLayersAndABadOneStopsItByName() throws Exception {
    try (ChildJvm check =
        new ChildJvm(
            SyncAgentMain.class.getName(),
            List.of(),
            List.of("--check-config", "--server.url=https://stampcard.example"))) {
      assertThat(check.waitFor(Duration.ofSeconds(60))).isZero();
      assertThat(check.output())
          .contains("server.url: https://stampcard.example    # from command line")
          .contains("sync.pushBatch: 500    # from built-in defaults");
    }
    try (ChildJvm bad =
        new ChildJvm(
            SyncAgentMain.class.getName(),
            List.of(),
            List.of("--sync.pushBatch=0", "--till.database=" + folder.resolve("never")))) {
      assertThat(bad.waitFor(Duration.ofSeconds(60))).isEqualTo(2);
      assertThat(bad.output()).contains("sync.pushBatch").contains("command line");
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  interface Check {
    boolean ok() throws Exception;
  }

  private static void waitUntil(Check check) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!check.ok()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within a minute");
      }
      Thread.sleep(50);
    }
  }
}
