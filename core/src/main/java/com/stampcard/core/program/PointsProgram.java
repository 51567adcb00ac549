package com.stampcard.core.program;

import com.stampcard.core.shop.StoreId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Points for money spent, for example one point per krona and 500 points for a free lunch.
 *
 * @param pointsPerUnit points for one currency unit (one krona, one euro)
 * @param rounding how a fraction of a point is rounded, per purchase
 * @param categoryMultipliers a category's points are multiplied by this (for example 2 for coffee)
 * @param capPerPurchase the most points one purchase gives; 0 means no cap
 * @param rewards what the points buy, lowest threshold first
 */
public record PointsProgram(
    ProgramId id,
    int version,
    String name,
    String reward,
    Set<StoreId> stores,
    BigDecimal pointsPerUnit,
    RoundingMode rounding,
    Map<String, BigDecimal> categoryMultipliers,
    long capPerPurchase,
    Optional<Money> minimumPurchase,
    List<RewardThreshold> rewards,
    List<TimeWindow> windows,
    Optional<Duration> expiry)
    implements Program {

  public PointsProgram {
    Objects.requireNonNull(id, "id");
    ProgramChecks.requireText(name, "name");
    ProgramChecks.requireText(reward, "reward");
    stores = Set.copyOf(stores);
    Objects.requireNonNull(pointsPerUnit, "pointsPerUnit");
    Objects.requireNonNull(rounding, "rounding");
    categoryMultipliers = Map.copyOf(categoryMultipliers);
    Objects.requireNonNull(minimumPurchase, "minimumPurchase");
    rewards = rewards.stream().sorted(Comparator.comparingLong(RewardThreshold::points)).toList();
    windows = List.copyOf(windows);
    Objects.requireNonNull(expiry, "expiry");
    ProgramChecks.requireVersion(version);
    if (pointsPerUnit.signum() <= 0) {
      throw new IllegalArgumentException("points per unit must be more than 0");
    }
    if (rounding == RoundingMode.UNNECESSARY) {
      throw new IllegalArgumentException("choose a rounding: DOWN, HALF_UP, UP, ...");
    }
    categoryMultipliers.forEach(
        (category, m) -> {
          if (m.signum() < 0) {
            throw new IllegalArgumentException(
                "category " + category + ": multiplier can't be negative");
          }
        });
    if (capPerPurchase < 0) {
      throw new IllegalArgumentException("the cap per purchase can't be negative (0 means none)");
    }
    if (rewards.isEmpty()) {
      throw new IllegalArgumentException("a points program needs at least one reward threshold");
    }
    ProgramChecks.requirePositive(expiry, "expiry");
  }

  @Override
  public ProgramKind kind() {
    return ProgramKind.POINTS;
  }

  @Override
  public Award award(Purchase purchase, ZonedDateTime at) {
    List<String> notes = new ArrayList<>();
    if (purchase.total().isEmpty()) {
      notes.add("rule.points-need-amount");
      return new Award(0, notes);
    }
    if (minimumPurchase.isPresent() && purchase.total().get().lessThan(minimumPurchase.get())) {
      notes.add("rule.below-minimum");
      return new Award(0, notes);
    }
    BigDecimal raw;
    if (purchase.lines().isEmpty()) {
      raw = purchase.total().get().majorUnits().multiply(pointsPerUnit);
    } else {
      raw = BigDecimal.ZERO;
      for (PurchaseLine line : purchase.lines()) {
        BigDecimal multiplier = categoryMultipliers.getOrDefault(line.category(), BigDecimal.ONE);
        if (multiplier.compareTo(BigDecimal.ONE) != 0
            && !notes.contains("rule.category-multiplier")) {
          notes.add("rule.category-multiplier");
        }
        raw = raw.add(line.amount().majorUnits().multiply(pointsPerUnit).multiply(multiplier));
      }
    }
    int windowMultiplier = TimeWindow.multiplierAt(windows, at);
    if (windowMultiplier > 1) {
      notes.add("rule.multiplied");
    }
    long points =
        raw.multiply(BigDecimal.valueOf(windowMultiplier)).setScale(0, rounding).longValueExact();
    if (capPerPurchase > 0 && points > capPerPurchase) {
      points = capPerPurchase;
      notes.add("rule.cap");
    }
    return new Award(points, notes);
  }

  /** The most valuable reward these points reach, if any. */
  public Optional<RewardThreshold> rewardReachedWith(long points) {
    RewardThreshold best = null;
    for (RewardThreshold r : rewards) {
      if (r.points() <= points) {
        best = r;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The next reward above these points, if any. */
  public Optional<RewardThreshold> nextRewardAfter(long points) {
    return rewards.stream().filter(r -> r.points() > points).findFirst();
  }
}
