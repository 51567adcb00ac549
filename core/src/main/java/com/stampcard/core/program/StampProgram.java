package com.stampcard.core.program;

import com.stampcard.core.shop.StoreId;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A stamp card: so many stamps to a reward.
 *
 * @param stampsRequired stamps that make a full card
 * @param minimumPurchase a known purchase below this gives no stamp
 * @param cooldown the least time between two stamps on one card before the cashier must confirm
 * @param mostPerVisit the most stamps one visit can give
 * @param stampCategories receipt categories that each give a stamp per item; empty: one per visit
 * @param windows times with multiplied stamps
 */
public record StampProgram(
    ProgramId id,
    int version,
    String name,
    String reward,
    Set<StoreId> stores,
    int stampsRequired,
    Optional<Money> minimumPurchase,
    Duration cooldown,
    int mostPerVisit,
    Set<String> stampCategories,
    List<TimeWindow> windows,
    Optional<Duration> expiry)
    implements Program {

  public StampProgram {
    Objects.requireNonNull(id, "id");
    ProgramChecks.requireText(name, "name");
    ProgramChecks.requireText(reward, "reward");
    stores = Set.copyOf(stores);
    Objects.requireNonNull(minimumPurchase, "minimumPurchase");
    Objects.requireNonNull(cooldown, "cooldown");
    stampCategories = Set.copyOf(stampCategories);
    windows = List.copyOf(windows);
    Objects.requireNonNull(expiry, "expiry");
    ProgramChecks.requireVersion(version);
    if (stampsRequired < 1 || stampsRequired > 100) {
      throw new IllegalArgumentException("stamps required must be 1 to 100, not " + stampsRequired);
    }
    if (mostPerVisit < 1) {
      throw new IllegalArgumentException("most stamps per visit must be at least 1");
    }
    if (cooldown.isNegative()) {
      throw new IllegalArgumentException("cooldown can't be negative");
    }
    ProgramChecks.requirePositive(expiry, "expiry");
  }

  @Override
  public ProgramKind kind() {
    return ProgramKind.STAMPS;
  }

  @Override
  public Award award(Purchase purchase, ZonedDateTime at) {
    List<String> notes = new ArrayList<>();
    if (minimumPurchase.isPresent()
        && purchase.total().isPresent()
        && purchase.total().get().lessThan(minimumPurchase.get())) {
      notes.add("rule.below-minimum");
      return new Award(0, notes);
    }
    long stamps = 1;
    if (!stampCategories.isEmpty() && !purchase.lines().isEmpty()) {
      stamps =
          purchase.lines().stream()
              .filter(line -> stampCategories.contains(line.category()))
              .mapToLong(PurchaseLine::quantity)
              .sum();
      if (stamps == 0) {
        notes.add("rule.no-stamp-category");
        return new Award(0, notes);
      }
    }
    int multiplier = TimeWindow.multiplierAt(windows, at);
    if (multiplier > 1) {
      notes.add("rule.multiplied");
    }
    stamps *= multiplier;
    if (stamps > mostPerVisit) {
      stamps = mostPerVisit;
      notes.add("rule.most-per-visit");
    }
    return new Award(stamps, notes);
  }
}
