package com.stampcard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stampcard.core.ledger.LedgerEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A till process killed mid-stamp, and a second till process on the same file. */
class TillCrashTest {
  @TempDir Path folder;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aTillKilledWhileStampingKeepsEveryCommittedStampWithItsBalance() throws Exception {
    Path file = folder.resolve("till");
    Process till = StampLoop.start("stamp", file);
    List<UUID> committed = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(till.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (committed.size() < 250 && (line = out.readLine()) != null) {
        if (line.startsWith("committed ")) {
          committed.add(UUID.fromString(line.substring("committed ".length())));
        }
      }
      till.destroyForcibly(); // mid-way: the loop is in the middle of its next stamp
      assertThat(till.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(committed).hasSize(250);

    try (StoreDatabase reopened = StoreDatabase.h2File(file);
        Connection c = DriverManager.getConnection(StoreDatabase.h2Url(file), "sa", "")) {
      Set<UUID> stored =
          LedgerCheck.events(c).stream().map(LedgerEvent::eventId).collect(Collectors.toSet());
      assertThat(stored).containsAll(committed);
      LedgerCheck.assertGaplessPerTill(c);
      LedgerCheck.assertProjectionEqualsFold(c);
      // and the till goes on numbering where it stopped
      long next =
          reopened
              .tillStore()
              .inTransaction(
                  tx ->
                      tx.append(
                          Drafts.stamp(
                                  tx.findIdentifier(
                                          com.stampcard.core.code.IdentifierKind.PRINTED_CARD,
                                          com.stampcard.core.code.PrintedCard.fromSerial(1)
                                              .number())
                                      .orElseThrow()
                                      .account())
                              .build()))
              .tillSeq();
      assertThat(next).isEqualTo(stored.size() + 1);
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aSecondTillProcessOnTheSameFileIsToldToCloseTheFirst() throws Exception {
    Path file = folder.resolve("till");
    Process first = StampLoop.start("hold", file);
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("open");
      assertThatThrownBy(() -> StoreDatabase.h2File(file))
          .isInstanceOf(TillDatabaseInUseException.class)
          .hasMessage(
              "the till database "
                  + file
                  + ".mv.db is in use by another Stampcard process;"
                  + " close it first");
      // and so is the first look a starting till takes, before anything else is started
      assertThatThrownBy(() -> TillFile.open(file)).isInstanceOf(TillDatabaseInUseException.class);
    } finally {
      first.destroyForcibly();
      first.waitFor(30, TimeUnit.SECONDS);
    }
    // the lock died with the process: no stale lock to clear by hand
    try (StoreDatabase again = StoreDatabase.h2File(file)) {
      long highest = again.tillStore().inTransaction(tx -> tx.highestHlc());
      assertThat(highest).isZero();
    }
  }
}
