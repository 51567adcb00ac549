package com.stampcard.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stampcard.core.program.Program;
import com.stampcard.core.program.StampProgram;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.till.StampOutcome;
import com.stampcard.server.CentralServer;
import com.stampcard.server.testing.TestServers;
import com.stampcard.store.StoreDatabase;
import com.stampcard.store.program.ProgramJson;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #8: the back office saves a new version of a program; once the till has synced, its stamps
 * follow the new version, and the stamps given before keep the version they were given under.
 */
class ProgramChangeIT {
  static final String PRINTED_CARD = "2900000000018";

  @TempDir Path folder;

  @Test
  void aNewProgramVersionAppliesAtTheTillFromItsNextSync() throws Exception {
    try (CentralServer server = TestServers.h2(folder.resolve("server"), Map.of())) {
      try (TestTill till = TestTill.enrolledWith(server, folder, "cafe-norr", "till-1")) {
        till.agent.start();
        await(
            () -> tillProgramVersion(till) == 1 && tillKnowsAnna(till),
            "the till never pulled the coffee card and its cashier");
        Counter counter = new Counter(till);

        // under version 1: ten stamps to a free coffee
        StampOutcome before = counter.stamp(PRINTED_CARD);
        assertThat(before).isInstanceOf(StampOutcome.Given.class);
        StampOutcome.Given v1 = (StampOutcome.Given) before;
        assertThat(v1.program().version()).isEqualTo(1);
        assertThat(((StampProgram) v1.program()).stampsRequired()).isEqualTo(10);
        assertThat(v1.event().programVersion()).isEqualTo(1);
        // version 1 gives one stamp, two in its weekday morning window: never three
        assertThat(v1.event().quantity()).isBetween(1L, 2L);

        // the back office saves version 2: three stamps to a cinnamon bun, triple stamps all day
        Program current =
            server
                .database()
                .store()
                .inTransaction(tx -> tx.program(TestTill.COFFEE))
                .orElseThrow();
        ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(ProgramJson.write(current));
        doc.put("version", current.version() + 1);
        doc.put("stampsRequired", 3);
        doc.put("reward", "a cinnamon bun");
        doc.put("mostPerVisit", 3);
        ArrayNode windows = doc.putArray("windows");
        ObjectNode allDay = windows.addObject();
        allDay.putArray("days");
        allDay.put("from", "00:00");
        allDay.put("until", "23:59:59.999999999");
        allDay.put("multiplier", 3);
        Program v2 = ProgramJson.read(doc.toString());
        server
            .database()
            .store()
            .inTransaction(
                tx -> {
                  tx.saveProgram(v2);
                  return null;
                });
        assertThat(v2.version()).isEqualTo(2);

        // the till pulls version 2 and stamps by it from then on
        await(() -> tillProgramVersion(till) == 2, "the till never pulled version 2");
        StampOutcome after = counter.stamp(PRINTED_CARD);
        assertThat(after).isInstanceOf(StampOutcome.Given.class);
        StampOutcome.Given given = (StampOutcome.Given) after;
        // (the account may differ from the first stamp's: a till that has not yet learnt the demo
        // card opens an account of its own, which the server merges into the card's; the balance
        // below counts both stamps either way)
        assertThat(given.program()).isEqualTo(v2);
        assertThat(given.program().reward()).isEqualTo("a cinnamon bun");
        assertThat(((StampProgram) given.program()).stampsRequired()).isEqualTo(3);
        assertThat(given.event().programVersion()).isEqualTo(2);
        assertThat(given.event().quantity()).isEqualTo(3);
        assertThat(given.balance().units()).isEqualTo(v1.event().quantity() + 3);

        // the stamp given before the sync kept version 1, at the till and at the server
        Map<UUID, Integer> expected = Map.of(v1.event().eventId(), 1, given.event().eventId(), 2);
        assertThat(tillEventVersions(till)).isEqualTo(expected);
        await(
            () -> serverEventVersions(server).equals(expected),
            "the server never got both stamps with their program versions");
      }
    }
  }

  private static int tillProgramVersion(TestTill till) {
    return till.db
        .tillStore()
        .inTransaction(tx -> tx.program(TestTill.COFFEE).map(Program::version).orElse(0));
  }

  private static boolean tillKnowsAnna(TestTill till) {
    return till.db.tillStore().inTransaction(tx -> tx.staffMember(new StaffId("anna")).isPresent());
  }

  private static Map<UUID, Integer> tillEventVersions(TestTill till) throws SQLException {
    try (Connection c = DriverManager.getConnection(StoreDatabase.h2Url(till.file), "sa", "")) {
      return eventVersions(c);
    }
  }

  private static Map<UUID, Integer> serverEventVersions(CentralServer server) {
    return server.database().read(ProgramChangeIT::eventVersions);
  }

  private static Map<UUID, Integer> eventVersions(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement("SELECT event_id, program_version FROM ledger_event");
        ResultSet r = s.executeQuery()) {
      Map<UUID, Integer> versions = new HashMap<>();
      while (r.next()) {
        versions.put(r.getObject(1, UUID.class), r.getInt(2));
      }
      return versions;
    }
  }

  private static void await(BooleanSupplier condition, String otherwise)
      throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(otherwise);
  }
}
