package com.stampcard.core.till;

import com.stampcard.core.account.AccountId;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.ledger.Balance;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.program.Program;
import com.stampcard.core.program.Purchase;
import com.stampcard.core.staff.StaffId;
import java.util.List;

/** What a read in stamp mode led to. */
public sealed interface StampOutcome {
  /**
   * Stamps or points were committed.
   *
   * @param newCustomer this read opened the account: welcome them
   * @param notes message keys of the rules that shaped the award
   */
  record Given(
      AccountId account,
      Program program,
      LedgerEvent event,
      Balance balance,
      boolean newCustomer,
      List<String> notes)
      implements StampOutcome {}

  /** The rules gave nothing for this purchase (below the minimum, no stamp category). */
  record NothingGiven(AccountId account, Program program, Balance balance, List<String> notes)
      implements StampOutcome {}

  /**
   * The till wants the cashier to confirm before stamping: the same card again, or inside the
   * program's cooldown. Nothing was recorded; {@link StampService#confirm} stamps.
   */
  record NeedsConfirmation(
      Why why,
      AccountId account,
      Program program,
      Balance balance,
      StaffId cashier,
      InputMethod input,
      Purchase purchase)
      implements StampOutcome {
    /** Why the till asks. */
    public enum Why {
      SAME_CARD_AGAIN,
      INSIDE_COOLDOWN
    }
  }

  /** Nothing happened, and here is why (a key of the message bundle). */
  record Refused(String messageKey) implements StampOutcome {}
}
