package com.stampcard.store;

import com.stampcard.core.code.CustomerCode;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.id.UuidV7Generator;
import com.stampcard.core.port.TillStore;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.program.Purchase;
import com.stampcard.core.redeem.RedemptionPolicy;
import com.stampcard.core.redeem.RedemptionRules;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffLogin;
import com.stampcard.core.till.AccountMerger;
import com.stampcard.core.till.Corrections;
import com.stampcard.core.till.CustomerLookup;
import com.stampcard.core.till.MutableClock;
import com.stampcard.core.till.RedeemRequest;
import com.stampcard.core.till.RedemptionAuthority;
import com.stampcard.core.till.RedemptionOutcome;
import com.stampcard.core.till.RedemptionService;
import com.stampcard.core.till.StampOutcome;
import com.stampcard.core.till.StampRequest;
import com.stampcard.core.till.StampService;
import com.stampcard.core.till.TillContext;
import com.stampcard.core.till.TillSettings;
import com.stampcard.core.time.HybridLogicalClock;
import java.time.Duration;
import java.time.ZoneId;

/** A standalone till (no server) wired over a real store, as the till app wires it. */
public final class TestTill {
  public static final Duration REPEAT_WINDOW = Duration.ofSeconds(30);

  public final TillStore store;
  public final MutableClock clock;
  public final TillContext context;
  public final StampService stamping;
  public final RedemptionService redeeming;
  public final Corrections corrections;
  public final StaffLogin login;
  public final AccountMerger merger;

  public TestTill(TillStore store, MutableClock clock) {
    this.store = store;
    this.clock = clock;
    TillSettings settings =
        new TillSettings(
            TestData.STORE,
            TestData.TILL,
            ZoneId.of("Europe/Stockholm"),
            false,
            REPEAT_WINDOW,
            Duration.ofMinutes(2),
            RedemptionRules.defaults());
    this.context =
        new TillContext(
            settings,
            clock,
            new UuidV7Generator(clock),
            new HybridLogicalClock(clock, store.inTransaction(tx -> tx.highestHlc())));
    CustomerLookup lookup = new CustomerLookup(context, clock);
    this.stamping = new StampService(store, context, lookup);
    this.redeeming =
        new RedemptionService(
            store,
            context,
            lookup,
            new RedemptionPolicy(settings.redemptionRules()),
            RedemptionAuthority.standaloneTill());
    this.corrections = new Corrections(store, context);
    this.login = new StaffLogin(store, clock, 3, Duration.ofMinutes(15));
    this.merger = new AccountMerger(store);
  }

  /** A scan in stamp mode by Anna, a minute after the last thing that happened. */
  public StampOutcome stamp(CustomerCode code, ProgramId program) {
    clock.advance(Duration.ofMinutes(1));
    return stamping.stamp(
        new StampRequest(code, InputMethod.SCANNER, program, TestData.ANNA, Purchase.unknown()));
  }

  public StampOutcome stamp(CustomerCode code, ProgramId program, StaffId cashier) {
    clock.advance(Duration.ofMinutes(1));
    return stamping.stamp(
        new StampRequest(code, InputMethod.SCANNER, program, cashier, Purchase.unknown()));
  }

  /** A scan in redeem mode by Anna. */
  public RedemptionOutcome check(CustomerCode code, ProgramId program) {
    clock.advance(Duration.ofMinutes(1));
    return redeeming.check(new RedeemRequest(code, InputMethod.SCANNER, program, TestData.ANNA));
  }
}
