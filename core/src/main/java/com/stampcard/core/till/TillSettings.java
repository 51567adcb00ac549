package com.stampcard.core.till;

import com.stampcard.core.redeem.RedemptionRules;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Where this till stands and how it behaves.
 *
 * @param zone the store's time zone, for time windows and "today"
 * @param printedCardsMustBeIssued an unknown printed card is refused instead of opening an account
 * @param repeatWindow the same card read again at this till within this time needs the cashier's
 *     confirmation
 * @param undoWindow how long a cashier may undo their last stamp
 */
public record TillSettings(
    StoreId store,
    TillId till,
    ZoneId zone,
    boolean printedCardsMustBeIssued,
    Duration repeatWindow,
    Duration undoWindow,
    RedemptionRules redemptionRules) {
  public TillSettings {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(till, "till");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(repeatWindow, "repeatWindow");
    Objects.requireNonNull(undoWindow, "undoWindow");
    Objects.requireNonNull(redemptionRules, "redemptionRules");
  }
}
