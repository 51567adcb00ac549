package com.stampcard.core.port;

import com.stampcard.core.account.AccountId;
import com.stampcard.core.ledger.Balance;
import com.stampcard.core.ledger.EventDraft;
import com.stampcard.core.ledger.EventFlag;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.staff.StaffId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Port: the ledger and its balance projection. Balances are kept per account after following
 * merges: events of a merged account count for the account it was merged into.
 */
public interface LedgerPort {
  /**
   * Inserts the event with the till's next gapless sequence number and updates the balance, both in
   * the caller's transaction.
   */
  LedgerEvent append(EventDraft draft);

  /** The balance of the account (after following merges) in the program; empty if none yet. */
  Balance balance(AccountId account, ProgramId program);

  /** Every balance of the account (after following merges). */
  List<Balance> balances(AccountId account);

  Optional<LedgerEvent> event(UUID eventId);

  /** The account's latest events in the program, newest first. */
  List<LedgerEvent> history(AccountId account, ProgramId program, int limit);

  /** The latest event this till recorded, if any. */
  Optional<LedgerEvent> lastEventAt(TillId till);

  /** The VOID that names this event, if any. */
  Optional<LedgerEvent> voidOf(UUID eventId);

  /** How many events of this type this till recorded since then, optionally by one cashier. */
  long countAtTill(TillId till, EventType type, Instant since, Optional<StaffId> cashier);

  /** How many events with this flag this till recorded since then. */
  long countFlaggedAtTill(TillId till, EventFlag flag, Instant since);

  /**
   * Events of these types recorded at or after {@code since} at any till (this till's and those
   * sync brought), newest first, at most {@code limit}: the manager's review and the day's figures.
   */
  List<LedgerEvent> eventsSince(Instant since, Set<EventType> types, int limit);

  /**
   * Moves the balances of {@code from} into {@code into} after a merge, so that both accounts'
   * events count for {@code into} from now on.
   */
  void mergeBalances(AccountId from, AccountId into);

  /** The highest hybrid logical clock value on this ledger, or 0. */
  long highestHlc();
}
