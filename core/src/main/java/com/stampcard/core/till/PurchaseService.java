package com.stampcard.core.till;

import com.stampcard.core.account.AccountId;
import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.CustomerCodes;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.ledger.EventFlag;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.ledger.ReceiptTakenException;
import com.stampcard.core.ledger.RegisterReceipt;
import com.stampcard.core.port.TillStore;
import com.stampcard.core.port.TillTransaction;
import com.stampcard.core.program.Award;
import com.stampcard.core.program.Program;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.staff.StaffId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The cash register's purchases: the rules of every program that runs at this store give their
 * stamps or points for what was bought, once per receipt id (a receipt sent again is answered from
 * the store, even after a restart), and a refund voids what a receipt gave. Runs on the caller's
 * thread (the till's local API's); never waits on the network.
 */
public final class PurchaseService {
  /** Who the books name for a purchase nobody read a code for at the till. */
  public static final StaffId CASH_REGISTER = new StaffId("cash-register");

  private final TillStore store;
  private final TillContext till;
  private final CustomerLookup lookup;
  private final StampService stamping;
  private final Corrections corrections;
  private final Duration justScannedWithin;

  /**
   * @param justScannedWithin how recent a read at this till must be to count as "the customer just
   *     scanned"
   */
  public PurchaseService(
      TillStore store,
      TillContext till,
      CustomerLookup lookup,
      StampService stamping,
      Corrections corrections,
      Duration justScannedWithin) {
    this.store = store;
    this.till = till;
    this.lookup = lookup;
    this.stamping = stamping;
    this.corrections = corrections;
    this.justScannedWithin = justScannedWithin;
  }

  public PurchaseOutcome record(RegisterPurchase purchase) {
    try {
      return store.inTransaction(tx -> recordIn(tx, purchase));
    } catch (ReceiptTakenException e) {
      // The same receipt came twice at once and the other request recorded it: answer as a repeat.
      return store.inTransaction(
          tx ->
              repeatOf(
                  tx, purchase, tx.registerReceipt(purchase.receiptId()).orElseThrow(() -> e)));
    }
  }

  private PurchaseOutcome recordIn(TillTransaction tx, RegisterPurchase purchase) {
    Optional<RegisterReceipt> known = tx.registerReceipt(purchase.receiptId());
    if (known.isPresent()) {
      return repeatOf(tx, purchase, known.get());
    }
    AccountId account;
    boolean opened = false;
    StaffId cashier = CASH_REGISTER;
    Set<EventFlag> flags = Set.of();
    Map<ProgramId, Long> alreadyGiven = new HashMap<>();
    if (purchase.justScanned()) {
      Optional<RecentRead> read = stamping.takeLastRead(till.now().minus(justScannedWithin));
      if (read.isEmpty()) {
        return new PurchaseOutcome.Refused("register.nobody-scanned");
      }
      account = read.get().account();
      cashier = read.get().cashier();
      read.get().earned().ifPresent(e -> alreadyGiven.put(e.program(), e.quantity()));
    } else {
      CodeReading reading = CustomerCodes.fromText(purchase.customerCode().get());
      if (!(reading instanceof CodeReading.Recognised code)) {
        return new PurchaseOutcome.Refused("register.not-a-code");
      }
      Lookup found = lookup.find(tx, code.code(), InputMethod.API, true);
      if (found instanceof Lookup.Refused refused) {
        return new PurchaseOutcome.Refused(refused.messageKey());
      }
      Lookup.Found customer = (Lookup.Found) found;
      account = customer.account().id();
      opened = customer.opened();
      flags = StampService.flagsFor(InputMethod.API, customer.trust());
    }
    List<PurchaseOutcome.Awarded> awards = new ArrayList<>();
    List<UUID> events = new ArrayList<>();
    for (Program program : tx.programs()) {
      if (!program.runsAt(till.settings().store())) {
        continue;
      }
      Award award = program.award(purchase.purchase(), till.localNow());
      // The read that made this "the customer just scanned" may have stamped already: give the
      // rest.
      long given = alreadyGiven.getOrDefault(program.id(), 0L);
      if (given > 0) {
        award = new Award(Math.max(0, award.quantity() - given), award.notes());
      }
      StampOutcome outcome =
          stamping.give(
              tx,
              program,
              account,
              tx.balance(account, program.id()),
              cashier,
              InputMethod.API,
              award,
              opened,
              flags);
      if (outcome instanceof StampOutcome.Given g) {
        awards.add(new PurchaseOutcome.Awarded(program, g.event(), g.balance()));
        events.add(g.event().eventId());
      }
    }
    RegisterReceipt receipt =
        new RegisterReceipt(
            purchase.receiptId(), purchase.fingerprint(), account, events, till.now());
    tx.addRegisterReceipt(receipt);
    return new PurchaseOutcome.Recorded(receipt, awards, false, opened);
  }

  private static PurchaseOutcome repeatOf(
      TillTransaction tx, RegisterPurchase purchase, RegisterReceipt receipt) {
    if (!receipt.fingerprint().equals(purchase.fingerprint())) {
      return new PurchaseOutcome.ReceiptConflict(receipt.receiptId());
    }
    List<PurchaseOutcome.Awarded> awards = new ArrayList<>();
    for (UUID id : receipt.events()) {
      LedgerEvent event = tx.event(id).orElseThrow();
      Program program = tx.program(event.program()).orElseThrow();
      awards.add(
          new PurchaseOutcome.Awarded(program, event, tx.balance(receipt.account(), program.id())));
    }
    return new PurchaseOutcome.Recorded(receipt, awards, true, false);
  }

  /**
   * Voids everything the receipt gave, with the register's reason. Sent again, it changes nothing
   * and answers the same.
   */
  public RefundOutcome refund(String receiptId, String reason) {
    if (reason == null || reason.isBlank()) {
      return new RefundOutcome.Refused("correction.reason-needed");
    }
    return store.inTransaction(
        tx -> {
          Optional<RegisterReceipt> receipt = tx.registerReceipt(receiptId);
          if (receipt.isEmpty()) {
            return new RefundOutcome.Refused("register.no-such-receipt");
          }
          List<LedgerEvent> voids = new ArrayList<>();
          int made = 0;
          for (UUID id : receipt.get().events()) {
            Optional<LedgerEvent> earlier = tx.voidOf(id);
            if (earlier.isPresent()) {
              voids.add(earlier.get());
              continue;
            }
            CorrectionOutcome outcome =
                corrections.voidIn(tx, tx.event(id).orElseThrow(), CASH_REGISTER, reason);
            if (!(outcome instanceof CorrectionOutcome.Done done)) {
              // Rolls back the voids made so far: a refund is all or nothing.
              throw new IllegalStateException(
                  "receipt " + receiptId + ": event " + id + " could not be voided: " + outcome);
            }
            voids.add(done.event());
            made++;
          }
          return new RefundOutcome.Refunded(receipt.get(), voids, made == 0 && !voids.isEmpty());
        });
  }
}
