package com.stampcard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stampcard.core.staff.PinHash;
import com.stampcard.core.staff.Role;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffMember;
import com.stampcard.core.staff.StaffName;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The till's file at start-up: its staff before the store has opened, and the store taking it over
 * (a file another process holds: {@link TillCrashTest}).
 */
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
}
