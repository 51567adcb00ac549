package com.stampcard.core.till;

import com.stampcard.core.ledger.LedgerEvent;

/** What came of a void or an adjustment. */
public sealed interface CorrectionOutcome {
  record Done(LedgerEvent event) implements CorrectionOutcome {}

  /** Nothing happened, and here is why (a key of the message bundle). */
  record Refused(String messageKey) implements CorrectionOutcome {}
}
