package com.stampcard.core.till;

import com.stampcard.core.ledger.EventFlag;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.port.TillStore;
import com.stampcard.core.program.Program;
import com.stampcard.core.redeem.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The manager's review of redemptions: every redemption and void since a time, overdrafts found on
 * sync first, then the other flagged ones (typed codes, manager-approved, offline, voided), then
 * the rest, newest first within each group. Voiding goes through {@link Corrections#voidEvent}.
 * Runs on a worker thread.
 */
public final class RedemptionReview {
  /** More than any till redeems in the review's period; the oldest beyond it are left out. */
  private static final int MOST = 5_000;

  private static final Set<EventType> REVIEWED =
      EnumSet.of(EventType.REDEEM, EventType.POINTS_SPEND, EventType.VOID);

  private final TillStore store;

  public RedemptionReview(TillStore store) {
    this.store = store;
  }

  /**
   * @param overdrafts ids of spending events the server reported as overdrafts
   */
  public List<ReviewItem> since(Instant since, Set<UUID> overdrafts) {
    return store.inTransaction(
        tx -> {
          List<LedgerEvent> events = tx.eventsSince(since, REVIEWED, MOST);
          Map<UUID, LedgerEvent> voids = new HashMap<>();
          for (LedgerEvent e : events) {
            if (e.type() == EventType.VOID && e.ref().isPresent()) {
              voids.put(e.ref().get(), e);
            }
          }
          Map<String, String> names = new HashMap<>();
          for (Program p : tx.programs()) {
            names.put(p.id().value(), p.name());
          }
          List<ReviewItem> items = new ArrayList<>();
          for (LedgerEvent e : events) {
            if (e.type() == EventType.VOID) {
              // a void of a stamp counts too: the manager sees every correction made
              items.add(
                  new ReviewItem(
                      e,
                      names.getOrDefault(e.program().value(), e.program().value()),
                      List.of(ReviewItem.Concern.VOID),
                      List.of(),
                      Optional.empty()));
              continue;
            }
            Optional<LedgerEvent> voided =
                Optional.ofNullable(voids.get(e.eventId())).or(() -> tx.voidOf(e.eventId()));
            items.add(
                new ReviewItem(
                    e,
                    names.getOrDefault(e.program().value(), e.program().value()),
                    concerns(e, overdrafts.contains(e.eventId()), voided.isPresent()),
                    checkReasons(e),
                    voided));
          }
          // an overdraft is a card spent twice: it comes before every other flagged line (after a
          // day offline, every redemption of that day is flagged as offline)
          items.sort(
              Comparator.comparing(
                      (ReviewItem i) -> !i.concerns().contains(ReviewItem.Concern.OVERDRAFT))
                  .thenComparing(i -> !i.flagged())
                  .thenComparing(i -> i.event().occurredAt(), Comparator.reverseOrder()));
          return items;
        });
  }

  private static List<ReviewItem.Concern> concerns(
      LedgerEvent e, boolean overdraft, boolean voided) {
    List<ReviewItem.Concern> out = new ArrayList<>();
    if (overdraft) {
      out.add(ReviewItem.Concern.OVERDRAFT);
    }
    if (e.hasFlag(EventFlag.TYPED_CODE)) {
      out.add(ReviewItem.Concern.TYPED_CODE);
    }
    if (e.hasFlag(EventFlag.MANAGER_APPROVED)) {
      out.add(ReviewItem.Concern.MANAGER_APPROVED);
    }
    if (e.hasFlag(EventFlag.OFFLINE)) {
      out.add(ReviewItem.Concern.OFFLINE);
    }
    if (voided) {
      out.add(ReviewItem.Concern.VOIDED);
    }
    return out;
  }

  /** A redemption keeps the check's reasons, comma-separated, as its reason. */
  private static List<Reason> checkReasons(LedgerEvent e) {
    if (e.reason().isEmpty()) {
      return List.of();
    }
    Set<String> known = new java.util.HashSet<>();
    for (Reason r : Reason.values()) {
      known.add(r.name());
    }
    return Arrays.stream(e.reason().get().split(","))
        .map(String::strip)
        .filter(known::contains)
        .map(Reason::valueOf)
        .toList();
  }
}
