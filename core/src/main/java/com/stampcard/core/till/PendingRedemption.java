package com.stampcard.core.till;

import com.stampcard.core.account.AccountId;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.ledger.Balance;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.program.Program;
import com.stampcard.core.redeem.CodeTrust;
import com.stampcard.core.redeem.Decision;
import com.stampcard.core.staff.StaffId;
import java.util.List;

/**
 * A checked redemption waiting for the cashier's approval: what the cashier sees before deciding.
 *
 * @param unitsToSpend stamps of one full card, or the points of the reward reached
 * @param reward what the customer gets
 * @param history the account's latest events in the program, newest first
 */
public record PendingRedemption(
    AccountId account,
    Program program,
    Balance balance,
    long unitsToSpend,
    String reward,
    Decision decision,
    List<LedgerEvent> history,
    InputMethod input,
    CodeTrust trust,
    StaffId cashier) {
  public PendingRedemption {
    history = List.copyOf(history);
  }
}
