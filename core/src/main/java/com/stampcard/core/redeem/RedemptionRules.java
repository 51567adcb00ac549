package com.stampcard.core.redeem;

import java.time.Duration;
import java.util.Objects;

/**
 * The shop's settings for the security check.
 *
 * @param maxPerCashierPerDay redemptions one cashier may do in a day before a manager must approve
 * @param maxPerTillPerDay likewise per till
 * @param justStampedWithin a redemption this soon after the card's last stamp needs a manager; zero
 *     turns the check off
 * @param typedCode what a typed code needs: a manager (default), or nothing more, or a refusal
 * @param staticCode what a printed card, NFC card or magstripe needs; by default only a note
 * @param offlineCardsPerTillPerDay the offline budget: redemptions a till may do per day while it
 *     can't reach the server
 * @param offlineMaxDataAge offline, redeem only when the till's last sync is at most this old
 */
public record RedemptionRules(
    int maxPerCashierPerDay,
    int maxPerTillPerDay,
    Duration justStampedWithin,
    Reason.Severity typedCode,
    Reason.Severity staticCode,
    int offlineCardsPerTillPerDay,
    Duration offlineMaxDataAge) {

  public RedemptionRules {
    Objects.requireNonNull(justStampedWithin, "justStampedWithin");
    Objects.requireNonNull(typedCode, "typedCode");
    Objects.requireNonNull(staticCode, "staticCode");
    Objects.requireNonNull(offlineMaxDataAge, "offlineMaxDataAge");
    if (maxPerCashierPerDay < 1 || maxPerTillPerDay < 1) {
      throw new IllegalArgumentException("redemption limits must be at least 1 a day");
    }
    if (offlineCardsPerTillPerDay < 0) {
      throw new IllegalArgumentException("the offline budget can't be negative (0 means none)");
    }
  }

  /** Sensible defaults for a café. */
  public static RedemptionRules defaults() {
    return new RedemptionRules(
        30,
        60,
        Duration.ZERO,
        Reason.Severity.MANAGER,
        Reason.Severity.INFO,
        10,
        Duration.ofHours(24));
  }
}
