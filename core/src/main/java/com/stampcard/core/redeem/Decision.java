package com.stampcard.core.redeem;

import java.util.List;

/**
 * The security check's verdict: the reasons it found, in order, and what they add up to. The
 * cashier always approves explicitly; a decision that needs a manager also needs a manager's PIN.
 */
public record Decision(Verdict verdict, List<Reason> reasons) {
  public Decision {
    reasons = List.copyOf(reasons);
  }

  /** What the reasons add up to. */
  public enum Verdict {
    /** The cashier may approve. */
    CASHIER_MAY_APPROVE,
    /** A manager must approve with their PIN. */
    MANAGER_MUST_APPROVE,
    /** No redemption. */
    REFUSED
  }

  public boolean refused() {
    return verdict == Verdict.REFUSED;
  }

  public boolean needsManager() {
    return verdict == Verdict.MANAGER_MUST_APPROVE;
  }
}
