package com.stampcard.pos;

import com.stampcard.core.id.UuidV7Generator;
import com.stampcard.core.port.TillStore;
import com.stampcard.core.redeem.RedemptionPolicy;
import com.stampcard.core.staff.StaffLogin;
import com.stampcard.core.till.Corrections;
import com.stampcard.core.till.CustomerLookup;
import com.stampcard.core.till.RedemptionAuthority;
import com.stampcard.core.till.RedemptionService;
import com.stampcard.core.till.StampService;
import com.stampcard.core.till.TillContext;
import com.stampcard.core.till.TillSettings;
import com.stampcard.core.time.HybridLogicalClock;
import java.time.Clock;
import java.time.Duration;

/**
 * The till's services, wired once at start-up and shared by the console and the screens.
 *
 * @param sync what the status bar shows about the central server
 */
public record TillServices(
    TillStore store,
    TillContext context,
    StaffLogin staffLogin,
    StampService stamping,
    RedemptionService redeeming,
    Corrections corrections,
    SyncStatus sync) {

  /**
   * The services over {@code store}. They may be made before the store has opened (the till does,
   * so its screens can be built meanwhile, ADR 0312): nothing here reads it. Whoever opens the
   * store continues the context's hybrid clock after the highest value on file ({@link
   * TillContext#continueAfter}) before the first event is recorded.
   *
   * @param authority who has the last word on redemptions: the sync agent's, or {@link
   *     RedemptionAuthority#standaloneTill()} for a till without a server
   */
  public static TillServices over(
      TillStore store,
      TillSettings settings,
      Clock clock,
      RedemptionAuthority authority,
      SyncStatus sync,
      int loginMaxFailures,
      Duration loginLockout) {
    TillContext context =
        new TillContext(
            settings, clock, new UuidV7Generator(clock), new HybridLogicalClock(clock, 0));
    CustomerLookup lookup = new CustomerLookup(context, clock);
    return new TillServices(
        store,
        context,
        new StaffLogin(store, clock, loginMaxFailures, loginLockout),
        new StampService(store, context, lookup),
        new RedemptionService(
            store, context, lookup, new RedemptionPolicy(settings.redemptionRules()), authority),
        new Corrections(store, context),
        sync);
  }
}
