package com.stampcard.core.till;

import com.stampcard.core.ledger.EventType;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.redeem.Reason;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the manager's redemption review: a redemption (or a void), what about it deserves a
 * look, and what the security check said at the time.
 *
 * @param programName the program's name, or its id when the till no longer has it
 * @param concerns why it is flagged; empty for a plain redemption
 * @param checkReasons the security check's reasons when it was redeemed
 * @param voidedBy the VOID that reversed it, if one did
 */
public record ReviewItem(
    LedgerEvent event,
    String programName,
    List<Concern> concerns,
    List<Reason> checkReasons,
    Optional<LedgerEvent> voidedBy) {

  /** What makes a manager look twice, most serious first. */
  public enum Concern {
    /** The server found it took a balance below zero (the card was spent twice offline). */
    OVERDRAFT,
    /** The customer's code was typed by hand. */
    TYPED_CODE,
    /** The check wanted a manager, and one approved it. */
    MANAGER_APPROVED,
    /** Redeemed while the till could not reach the server. */
    OFFLINE,
    /** It was voided since. */
    VOIDED,
    /** The line is itself a void. */
    VOID;

    public String messageKey() {
      return "review.concern." + name();
    }
  }

  public ReviewItem {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(programName, "programName");
    concerns = List.copyOf(concerns);
    checkReasons = List.copyOf(checkReasons);
    Objects.requireNonNull(voidedBy, "voidedBy");
  }

  public boolean flagged() {
    return !concerns.isEmpty();
  }

  /** A manager may void it: a redemption not voided yet. */
  public boolean voidable() {
    return event.type() != EventType.VOID && voidedBy.isEmpty();
  }
}
