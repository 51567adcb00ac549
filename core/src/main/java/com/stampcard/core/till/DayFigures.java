package com.stampcard.core.till;

import com.stampcard.core.account.Account;
import com.stampcard.core.account.AccountId;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.port.TillStore;
import com.stampcard.core.staff.StaffId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The day's figures at this store, per cashier: stamps, points, redemptions and new customers since
 * midnight in the store's time zone. A new customer counts for the cashier of their first event
 * today. Runs on a worker thread.
 */
public final class DayFigures {
  private static final int MOST = 200_000;
  private static final Set<EventType> COUNTED =
      EnumSet.of(
          EventType.STAMP,
          EventType.POINTS_EARN,
          EventType.REDEEM,
          EventType.POINTS_SPEND,
          EventType.VOID);

  private final TillStore store;
  private final TillContext till;

  public DayFigures(TillStore store, TillContext till) {
    this.store = store;
    this.till = till;
  }

  /** Every cashier with something today, most stamps first, and the whole store's total. */
  public Result today() {
    Instant since = till.startOfToday();
    return store.inTransaction(
        tx -> {
          List<LedgerEvent> events = tx.eventsSince(since, COUNTED, MOST);
          Set<UUID> voided = new HashSet<>();
          for (LedgerEvent e : events) {
            if (e.type() == EventType.VOID) {
              e.ref().ifPresent(voided::add);
            }
          }
          Map<StaffId, CashierFigures> per = new LinkedHashMap<>();
          Map<AccountId, LedgerEvent> firstToday = new LinkedHashMap<>();
          // events come newest first: the last one seen per account is its first today
          for (LedgerEvent e : events) {
            if (!e.store().equals(till.settings().store())
                || e.type() == EventType.VOID
                || voided.contains(e.eventId())) {
              continue;
            }
            firstToday.put(e.account(), e);
            CashierFigures add =
                new CashierFigures(
                    e.cashier(),
                    e.type() == EventType.STAMP ? e.quantity() : 0,
                    e.type() == EventType.POINTS_EARN ? e.quantity() : 0,
                    e.type().spends() ? 1 : 0,
                    0);
            per.merge(e.cashier(), add, CashierFigures::plus);
          }
          for (Map.Entry<AccountId, LedgerEvent> first : firstToday.entrySet()) {
            Optional<Account> account = tx.findAccount(first.getKey());
            if (account.isPresent()
                && !account.get().createdAt().isBefore(since)
                && account.get().createdAtStore().equals(till.settings().store())) {
              StaffId cashier = first.getValue().cashier();
              per.merge(cashier, new CashierFigures(cashier, 0, 0, 0, 1), CashierFigures::plus);
            }
          }
          List<CashierFigures> rows = new ArrayList<>(per.values());
          rows.sort(
              Comparator.comparingLong(CashierFigures::stamps)
                  .thenComparingLong(CashierFigures::points)
                  .reversed()
                  .thenComparing(f -> f.cashier().value()));
          CashierFigures total = new CashierFigures(new StaffId("all"), 0, 0, 0, 0);
          for (CashierFigures row : rows) {
            total = total.plus(row);
          }
          return new Result(rows, total, since);
        });
  }

  /**
   * @param total the whole store's day (its cashier id is {@code all})
   */
  public record Result(List<CashierFigures> cashiers, CashierFigures total, Instant since) {
    public Result {
      cashiers = List.copyOf(cashiers);
    }
  }
}
