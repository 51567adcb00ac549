package com.stampcard.sync;

import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.CustomerCode;
import com.stampcard.core.code.CustomerCodes;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.id.UuidV7Generator;
import com.stampcard.core.program.Purchase;
import com.stampcard.core.redeem.RedemptionRules;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.till.CustomerLookup;
import com.stampcard.core.till.StampOutcome;
import com.stampcard.core.till.StampRequest;
import com.stampcard.core.till.StampService;
import com.stampcard.core.till.TillContext;
import com.stampcard.core.till.TillSettings;
import com.stampcard.core.time.HybridLogicalClock;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/** A test till's own stamp path: lookup (offline verification), rules, ledger. */
final class Counter {
  final StampService stamping;

  Counter(TestTill till) {
    Clock clock = Clock.systemUTC();
    TillSettings settings =
        new TillSettings(
            new StoreId(till.store),
            new TillId(till.till),
            ZoneId.of("Europe/Stockholm"),
            false,
            Duration.ZERO,
            Duration.ofMinutes(2),
            RedemptionRules.defaults());
    TillContext context =
        new TillContext(
            settings,
            clock,
            new UuidV7Generator(clock),
            new HybridLogicalClock(
                clock, till.db.tillStore().inTransaction(tx -> tx.highestHlc())));
    stamping = new StampService(till.db.tillStore(), context, new CustomerLookup(context, clock));
  }

  /** Anna stamps the coffee card of the customer with these code digits. */
  StampOutcome stamp(String digits) {
    CustomerCode code = ((CodeReading.Recognised) CustomerCodes.fromText(digits)).code();
    return stamping.stamp(
        new StampRequest(
            code, InputMethod.SCANNER, TestTill.COFFEE, new StaffId("anna"), Purchase.unknown()));
  }
}
