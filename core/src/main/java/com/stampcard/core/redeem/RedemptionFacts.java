package com.stampcard.core.redeem;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the till knows when a customer asks to redeem: everything the security check decides on.
 *
 * @param enoughToRedeem the card is full, or the points reach a reward
 * @param stampProgram whether the program counts stamps (else points)
 * @param lastEarnedAt when the account last got a stamp or points in this program
 * @param online whether the central server can be asked right now; false for a till with no server,
 *     where the local ledger is the only truth and no offline budget applies
 * @param standalone the till has no central server at all
 * @param lastSyncAt the till's last successful sync, when it has a server
 */
public record RedemptionFacts(
    boolean enoughToRedeem,
    boolean stampProgram,
    CodeTrust trust,
    Optional<Instant> lastEarnedAt,
    long redemptionsByCashierToday,
    long redemptionsAtTillToday,
    boolean standalone,
    boolean online,
    long offlineRedemptionsAtTillToday,
    Optional<Instant> lastSyncAt,
    Instant now) {
  public RedemptionFacts {
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(lastEarnedAt, "lastEarnedAt");
    Objects.requireNonNull(lastSyncAt, "lastSyncAt");
    Objects.requireNonNull(now, "now");
  }
}
