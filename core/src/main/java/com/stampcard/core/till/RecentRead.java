package com.stampcard.core.till;

import com.stampcard.core.account.AccountId;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.staff.StaffId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer whose code was last read in stamp mode at this till: what the cash register means by
 * "the customer just scanned".
 *
 * @param earned what that read gave, if anything, so a purchase does not give it twice
 */
public record RecentRead(
    AccountId account, StaffId cashier, Instant at, Optional<LedgerEvent> earned) {
  public RecentRead {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(cashier, "cashier");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(earned, "earned");
  }
}
