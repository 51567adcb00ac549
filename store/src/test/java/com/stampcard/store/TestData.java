package com.stampcard.store;

import com.stampcard.core.account.Account;
import com.stampcard.core.account.AccountId;
import com.stampcard.core.program.Money;
import com.stampcard.core.program.PointsProgram;
import com.stampcard.core.program.ProgramBuilders;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.program.RewardThreshold;
import com.stampcard.core.program.StampProgram;
import com.stampcard.core.program.TimeWindow;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.staff.PinHash;
import com.stampcard.core.staff.Role;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffMember;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Test data: the shop, its programs and staff. PIN hashes are cheap here, on purpose. */
public final class TestData {
  public static final StoreId STORE = new StoreId("cafe-norr");
  public static final TillId TILL = new TillId("till-1");
  public static final TillId OTHER_TILL = new TillId("till-2");
  public static final ProgramId COFFEE = new ProgramId("coffee-card");
  public static final ProgramId LUNCH = new ProgramId("lunch-points");
  public static final StaffId ANNA = new StaffId("anna");
  public static final StaffId MARIA = new StaffId("maria");
  public static final String ANNA_PIN = "1234";
  public static final String MARIA_PIN = "9999";

  private TestData() {}

  /** Ten stamps for a free coffee, no windows (core's test builder). */
  public static StampProgram coffeeCard() {
    return ProgramBuilders.coffeeCard().build();
  }

  /** A stamp program with every rule set, to see that none is lost on the way to the store. */
  public static StampProgram everyStampRule(int version) {
    return new StampProgram(
        COFFEE,
        version,
        "Coffee card",
        "a free coffee",
        Set.of(STORE, new StoreId("cafe-syd")),
        8,
        Optional.of(Money.of("25.00", "SEK")),
        Duration.ofMinutes(10),
        3,
        Set.of("coffee", "tea"),
        List.of(
            new TimeWindow(
                Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(6, 30),
                LocalTime.of(10, 0),
                2),
            new TimeWindow(Set.of(), LocalTime.of(15, 0), LocalTime.of(16, 0), 3)),
        Optional.of(Duration.ofDays(180)));
  }

  /** Points for a lunch (core's test builder). */
  public static PointsProgram lunchPoints() {
    return ProgramBuilders.lunchPoints().build();
  }

  /** A points program with every rule set. */
  public static PointsProgram everyPointsRule() {
    return new PointsProgram(
        LUNCH,
        3,
        "Lunch points",
        "a free lunch",
        Set.of(STORE),
        new BigDecimal("1.5"),
        RoundingMode.HALF_UP,
        Map.of("coffee", new BigDecimal("2"), "cake", new BigDecimal("0.5")),
        400,
        Optional.of(Money.of("10", "EUR")),
        List.of(
            new RewardThreshold(900, "a lunch and a cake"), new RewardThreshold(500, "a lunch")),
        List.of(
            new TimeWindow(
                Set.of(DayOfWeek.SATURDAY), LocalTime.of(11, 0), LocalTime.of(14, 0), 2)),
        Optional.of(Duration.ofDays(365)));
  }

  public static StaffMember cashierAnna() {
    return StaffMember.of(ANNA, "Anna", Role.CASHIER, pin(ANNA_PIN), Set.of());
  }

  public static StaffMember managerMaria() {
    return StaffMember.of(MARIA, "Maria", Role.MANAGER, pin(MARIA_PIN), Set.of());
  }

  public static PinHash pin(String pin) {
    return PinHash.of(pin.toCharArray(), 1_000);
  }

  public static Account newAccount(Instant at) {
    return Account.opened(new AccountId(UUID.randomUUID()), at, STORE);
  }
}
