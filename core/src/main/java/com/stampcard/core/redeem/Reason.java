package com.stampcard.core.redeem;

/**
 * Something the automatic security check found. Each reason either only informs the cashier, needs
 * a manager's PIN, or refuses the redemption outright.
 */
public enum Reason {
  CARD_NOT_FULL(Severity.REFUSE),
  NOT_ENOUGH_POINTS(Severity.REFUSE),
  CODE_TYPED_BY_HAND(Severity.MANAGER),
  STATIC_CODE(Severity.INFO),
  JUST_STAMPED(Severity.MANAGER),
  CASHIER_LIMIT_REACHED(Severity.MANAGER),
  TILL_LIMIT_REACHED(Severity.MANAGER),
  OFFLINE(Severity.INFO),
  OFFLINE_BUDGET_USED_UP(Severity.REFUSE),
  OFFLINE_DATA_TOO_OLD(Severity.REFUSE);

  /** What a reason does to the decision. */
  public enum Severity {
    INFO,
    MANAGER,
    REFUSE
  }

  private final Severity defaultSeverity;

  Reason(Severity defaultSeverity) {
    this.defaultSeverity = defaultSeverity;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  public String messageKey() {
    return "redeem.reason." + name();
  }
}
