package com.stampcard.core.till;

import com.stampcard.core.code.CustomerCode;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.code.PrintedCard;
import com.stampcard.core.id.UuidV7Generator;
import com.stampcard.core.port.TillStore;
import com.stampcard.core.program.ProgramBuilders;
import com.stampcard.core.program.Purchase;
import com.stampcard.core.redeem.RedemptionPolicy;
import com.stampcard.core.redeem.RedemptionRules;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.staff.PinHash;
import com.stampcard.core.staff.Role;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffLogin;
import com.stampcard.core.staff.StaffMember;
import com.stampcard.core.time.HybridLogicalClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * A till with the coffee card, cashier anna (PIN 1234), manager maria (PIN 9999) and services on a
 * given store: the in-memory one for core tests, the real one in the store module's tests.
 */
public final class TillFixture {
  public static final StaffId ANNA = new StaffId("anna");
  public static final StaffId MARIA = new StaffId("maria");
  public static final Instant START = Instant.parse("2026-11-24T11:00:00Z");

  public final TillStore store;
  public final MutableClock clock = new MutableClock(START);
  public final TillContext context;
  public final StampService stamping;
  public final RedemptionService redeeming;
  public final Corrections corrections;
  public final StaffLogin login;
  public final AccountMerger merger;

  public TillFixture(
      TillStore store, RedemptionAuthority authority, boolean printedCardsMustBeIssued) {
    this(store, authority, printedCardsMustBeIssued, RedemptionRules.defaults());
  }

  public TillFixture(
      TillStore store,
      RedemptionAuthority authority,
      boolean printedCardsMustBeIssued,
      RedemptionRules rules) {
    this.store = store;
    TillSettings settings =
        new TillSettings(
            new StoreId("cafe-norr"),
            new TillId("cafe-norr-1"),
            ZoneId.of("Europe/Stockholm"),
            printedCardsMustBeIssued,
            Duration.ofMinutes(2),
            Duration.ofMinutes(5),
            rules);
    context =
        new TillContext(
            settings, clock, new UuidV7Generator(clock), new HybridLogicalClock(clock, 0));
    CustomerLookup lookup = new CustomerLookup(context, clock);
    stamping = new StampService(store, context, lookup);
    redeeming =
        new RedemptionService(store, context, lookup, new RedemptionPolicy(rules), authority);
    corrections = new Corrections(store, context);
    login = new StaffLogin(store, clock, 3, Duration.ofMinutes(5));
    merger = new AccountMerger(store);
    store.inTransaction(
        tx -> {
          tx.saveProgram(ProgramBuilders.coffeeCard().build());
          tx.saveProgram(ProgramBuilders.lunchPoints().build());
          tx.saveStaffMember(
              StaffMember.of(
                  ANNA, "Anna", Role.CASHIER, PinHash.of("1234".toCharArray(), 1_000), Set.of()));
          tx.saveStaffMember(
              StaffMember.of(
                  MARIA, "Maria", Role.MANAGER, PinHash.of("9999".toCharArray(), 1_000), Set.of()));
          return null;
        });
  }

  public static CustomerCode card(long serial) {
    return PrintedCard.fromSerial(serial);
  }

  public StampOutcome stamp(CustomerCode code) {
    return stamping.stamp(
        new StampRequest(
            code,
            InputMethod.SCANNER,
            ProgramBuilders.coffeeCard().build().id(),
            ANNA,
            Purchase.unknown()));
  }

  /** Stamps {@code n} times, a few minutes apart so no repeat question comes up. */
  public void stampTimes(CustomerCode code, int n) {
    for (int i = 0; i < n; i++) {
      StampOutcome outcome = stamp(code);
      if (!(outcome instanceof StampOutcome.Given)) {
        throw new AssertionError("expected a stamp, got " + outcome);
      }
      clock.advance(Duration.ofMinutes(3));
    }
  }

  public RedemptionOutcome check(CustomerCode code, InputMethod input) {
    return redeeming.check(
        new RedeemRequest(code, input, ProgramBuilders.coffeeCard().build().id(), ANNA));
  }

  public StaffMember manager() {
    return store.inTransaction(tx -> tx.staffMember(MARIA)).orElseThrow();
  }

  public Optional<StaffMember> noManager() {
    return Optional.empty();
  }
}
