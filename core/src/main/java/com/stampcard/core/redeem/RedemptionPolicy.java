package com.stampcard.core.redeem;

import com.stampcard.core.redeem.Reason.Severity;
import java.util.ArrayList;
import java.util.List;

/** The automatic security check run before every redemption. A pure function of the facts. */
public final class RedemptionPolicy {
  private final RedemptionRules rules;

  public RedemptionPolicy(RedemptionRules rules) {
    this.rules = rules;
  }

  public RedemptionRules rules() {
    return rules;
  }

  public Decision decide(RedemptionFacts facts) {
    List<Reason> reasons = new ArrayList<>();
    List<Severity> severities = new ArrayList<>();
    if (!facts.enoughToRedeem()) {
      add(
          reasons,
          severities,
          facts.stampProgram() ? Reason.CARD_NOT_FULL : Reason.NOT_ENOUGH_POINTS,
          Severity.REFUSE);
    }
    switch (facts.trust()) {
      case TYPED -> add(reasons, severities, Reason.CODE_TYPED_BY_HAND, rules.typedCode());
      case STATIC -> add(reasons, severities, Reason.STATIC_CODE, rules.staticCode());
      case SIGNED -> {}
    }
    if (!rules.justStampedWithin().isZero()
        && facts.lastEarnedAt().isPresent()
        && facts.lastEarnedAt().get().plus(rules.justStampedWithin()).isAfter(facts.now())) {
      add(reasons, severities, Reason.JUST_STAMPED, Severity.MANAGER);
    }
    if (facts.redemptionsByCashierToday() >= rules.maxPerCashierPerDay()) {
      add(reasons, severities, Reason.CASHIER_LIMIT_REACHED, Severity.MANAGER);
    }
    if (facts.redemptionsAtTillToday() >= rules.maxPerTillPerDay()) {
      add(reasons, severities, Reason.TILL_LIMIT_REACHED, Severity.MANAGER);
    }
    if (!facts.standalone() && !facts.online()) {
      add(reasons, severities, Reason.OFFLINE, Severity.INFO);
      if (facts.offlineRedemptionsAtTillToday() >= rules.offlineCardsPerTillPerDay()) {
        add(reasons, severities, Reason.OFFLINE_BUDGET_USED_UP, Severity.REFUSE);
      }
      if (facts.lastSyncAt().isEmpty()
          || facts.lastSyncAt().get().plus(rules.offlineMaxDataAge()).isBefore(facts.now())) {
        add(reasons, severities, Reason.OFFLINE_DATA_TOO_OLD, Severity.REFUSE);
      }
    }
    Decision.Verdict verdict = Decision.Verdict.CASHIER_MAY_APPROVE;
    if (severities.contains(Severity.REFUSE)) {
      verdict = Decision.Verdict.REFUSED;
    } else if (severities.contains(Severity.MANAGER)) {
      verdict = Decision.Verdict.MANAGER_MUST_APPROVE;
    }
    return new Decision(verdict, reasons);
  }

  private static void add(
      List<Reason> reasons, List<Severity> severities, Reason reason, Severity severity) {
    reasons.add(reason);
    severities.add(severity);
  }
}
