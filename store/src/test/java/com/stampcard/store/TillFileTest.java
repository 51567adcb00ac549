package com.stampcard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stampcard.core.staff.PinHash;
import com.stampcard.core.staff.Role;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffMember;
import com.stampcard.core.staff.StaffName;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The till's file at start-up: its lock and its staff before the store has opened. */
class TillFileTest {
  @TempDir Path folder;

  @Test
  void aNewFileHasNoStaffYetAndItsStoreOpensOnIt() {
    Path file = folder.resolve("till");
    try (TillFile till = TillFile.open(file)) {
      assertThat(till.activeStaff()).isEmpty();
      try (StoreDatabase store = till.openStore(Clock.systemUTC())) {
        List<StaffMember> staff = store.tillStore().inTransaction(tx -> tx.staff());
        assertThat(staff).isEmpty();
      }
    }
  }

  @Test
  void theActiveStaffByNameAsTheFileHasThemThenTheStoreTakesTheFileOver() {
    Path file = folder.resolve("till");
    try (StoreDatabase store = StoreDatabase.h2File(file)) {
      store
          .tillStore()
          .inTransaction(
              tx -> {
                tx.saveStaffMember(TestData.managerMaria());
                tx.saveStaffMember(TestData.cashierAnna());
                tx.saveStaffMember(
                    new StaffMember(
                        new StaffId("olle"),
                        "Olle",
                        Role.CASHIER,
                        PinHash.of("1111".toCharArray(), 1_000),
                        Set.of(),
                        false,
                        0,
                        Optional.empty()));
                return null;
              });
    }

    try (TillFile till = TillFile.open(file)) {
      assertThat(till.activeStaff())
          .containsExactly(
              new StaffName(TestData.ANNA, "Anna"), new StaffName(TestData.MARIA, "Maria"));
      try (StoreDatabase store = till.openStore(Clock.systemUTC())) {
        List<StaffMember> staff = store.tillStore().inTransaction(tx -> tx.staff());
        assertThat(staff).hasSize(3);
        assertThatThrownBy(till::activeStaff)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("handed to its store");
      }
    }
    // the store closed the file: it opens again
    try (TillFile again = TillFile.open(file)) {
      assertThat(again.activeStaff()).hasSize(2);
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aFileAnotherTillProcessHoldsIsRefusedBeforeAnythingElse() throws Exception {
    Path file = folder.resolve("till");
    Process first = StampLoop.start("hold", file);
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("open");
      assertThatThrownBy(() -> TillFile.open(file))
          .isInstanceOf(TillDatabaseInUseException.class)
          .hasMessageContaining("in use by another Stampcard process");
    } finally {
      first.destroyForcibly();
      first.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
