package com.stampcard.store.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stampcard.core.account.Identifier;
import com.stampcard.core.code.IdentifierKind;
import com.stampcard.core.code.PrintedCard;
import com.stampcard.core.id.UuidV7Generator;
import com.stampcard.core.program.PointsProgram;
import com.stampcard.core.program.Program;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.program.StampProgram;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.staff.Role;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffMember;
import com.stampcard.core.till.MutableClock;
import com.stampcard.store.HibernateTillStore;
import com.stampcard.store.StoreDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSeedTest {
  /** The repository's demo folder; tests run in the store module's folder. */
  static final Path DEMO = Path.of("..", "config", "demo");

  @TempDir Path folder;
  private final MutableClock clock = MutableClock.tuesdayAfternoon();
  private final DemoSeed seed = new DemoSeed(clock, new UuidV7Generator(clock), 1_000);
  private StoreDatabase database;
  private HibernateTillStore store;

  @BeforeEach
  void open() {
    database = StoreDatabase.h2File(folder.resolve("till"), clock);
    store = database.tillStore();
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void theDemoFolderLoadsTheCafesProgramsStaffAndCards() {
    DemoSeed.Result result = seed.load(store, DEMO, new StoreId("cafe-norr"));
    assertThat(result).isEqualTo(new DemoSeed.Result(2, 3, 5));

    StampProgram coffee =
        (StampProgram) store.inTransaction(tx -> tx.program(new ProgramId("coffee-card"))).get();
    assertThat(coffee.stampsRequired()).isEqualTo(10);
    ZonedDateTime mondayMorning = ZonedDateTime.parse("2026-11-23T08:00:00+01:00");
    assertThat(mondayMorning.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(
            coffee.award(com.stampcard.core.program.Purchase.unknown(), mondayMorning).quantity())
        .isEqualTo(2);
    PointsProgram lunch =
        (PointsProgram) store.inTransaction(tx -> tx.program(new ProgramId("lunch-points"))).get();
    assertThat(lunch.categoryMultipliers()).containsEntry("coffee", BigDecimal.valueOf(2));
    assertThat(lunch.rewards().get(0).points()).isEqualTo(500);

    StaffMember maria = store.inTransaction(tx -> tx.staffMember(new StaffId("maria"))).get();
    assertThat(maria.role()).isEqualTo(Role.MANAGER);
    assertThat(maria.pin().matches("9999".toCharArray())).isTrue();
    assertThat(maria.pin().encoded()).doesNotContain("9999");
    for (long serial = 1; serial <= 5; serial++) {
      String number = PrintedCard.fromSerial(serial).number();
      assertThat(
              store.<Optional<Identifier>>inTransaction(
                  tx -> tx.findIdentifier(IdentifierKind.PRINTED_CARD, number)))
          .isPresent();
    }
  }

  @Test
  void loadingTwiceChangesNothing() {
    seed.load(store, DEMO, new StoreId("cafe-norr"));
    var staffBefore = store.inTransaction(tx -> tx.staff());
    assertThat(seed.load(store, DEMO, new StoreId("cafe-norr")))
        .isEqualTo(new DemoSeed.Result(0, 0, 0));
    assertThat(store.<List<StaffMember>>inTransaction(tx -> tx.staff())).isEqualTo(staffBefore);
  }

  @Test
  void aMistypedKeyNamesTheFileTheKeyAndTheKeysAllowed() throws IOException {
    Path demo = copyDemo();
    replace(demo.resolve("programs.yaml"), "stampsRequired: 10", "stampsRequierd: 10");
    assertThatThrownBy(() -> seed.load(store, demo, new StoreId("cafe-norr")))
        .isInstanceOf(SeedFileException.class)
        .hasMessageContaining("programs.yaml: programs[0].stampsRequierd: is not a known key")
        .hasMessageContaining("allowed here: ")
        .hasMessageContaining("stampsRequired");
    assertThat(store.<List<Program>>inTransaction(tx -> tx.programs())).isEmpty();
  }

  @Test
  void aBadValueNamesTheFileTheKeyAndWhatIsAllowed() throws IOException {
    Path demo = copyDemo();
    replace(demo.resolve("programs.yaml"), "kind: POINTS", "kind: PUNKTE");
    assertThatThrownBy(() -> seed.load(store, demo, new StoreId("cafe-norr")))
        .hasMessageEndingWith(
            "programs.yaml: programs[1].kind: 'PUNKTE' is not allowed; use one of STAMPS, POINTS");

    Path other = copyDemo();
    replace(other.resolve("staff.yaml"), "role: MANAGER", "role: BOSS");
    assertThatThrownBy(() -> seed.load(store, other, new StoreId("cafe-norr")))
        .hasMessageEndingWith(
            "staff.yaml: staff[2].role: 'BOSS' is not allowed; use CASHIER or MANAGER");

    Path third = copyDemo();
    replace(third.resolve("programs.yaml"), "stampsRequired: 10", "stampsRequired: ten");
    assertThatThrownBy(() -> seed.load(store, third, new StoreId("cafe-norr")))
        .hasMessageContaining(
            "programs.yaml: programs[0].stampsRequired: 'ten' is not allowed;"
                + " expected a whole number");
    assertThat(store.<List<StaffMember>>inTransaction(tx -> tx.staff())).isEmpty();
  }

  @Test
  void aCardWithAWrongCheckDigitNamesTheLine() throws IOException {
    Path demo = copyDemo();
    replace(demo.resolve("cards.txt"), "2900000000025", "2900000000026");
    assertThatThrownBy(() -> seed.load(store, demo, new StoreId("cafe-norr")))
        .hasMessageContaining("cards.txt: line 5: '2900000000026' is not a printed card number");
  }

  @Test
  void theDemoCardsAreTheFirstFiveSerials() {
    assertThat(DemoSeed.readCards(DEMO.resolve(DemoSeed.CARDS_FILE)))
        .isEqualTo(
            List.of(
                PrintedCard.fromSerial(1),
                PrintedCard.fromSerial(2),
                PrintedCard.fromSerial(3),
                PrintedCard.fromSerial(4),
                PrintedCard.fromSerial(5)));
  }

  private Path copyDemo() throws IOException {
    Path copy = Files.createTempDirectory(folder, "demo");
    for (String name : List.of(DemoSeed.PROGRAMS_FILE, DemoSeed.STAFF_FILE, DemoSeed.CARDS_FILE)) {
      Files.copy(DEMO.resolve(name), copy.resolve(name));
    }
    return copy;
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }
}
