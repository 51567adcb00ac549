package com.stampcard.core.program;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Test data builders for programs. */
public final class ProgramBuilders {
  private ProgramBuilders() {}

  public static StampCardBuilder coffeeCard() {
    return new StampCardBuilder();
  }

  public static PointsBuilder lunchPoints() {
    return new PointsBuilder();
  }

  /** Builds a stamp program; defaults: 10 stamps for a free coffee, everywhere, no limits. */
  public static final class StampCardBuilder {
    private String id = "coffee-card";
    private int version = 1;
    private int stamps = 10;
    private Optional<Money> minimum = Optional.empty();
    private Duration cooldown = Duration.ZERO;
    private int mostPerVisit = 10;
    private Set<String> categories = Set.of();
    private final List<TimeWindow> windows = new ArrayList<>();
    private Optional<Duration> expiry = Optional.empty();

    public StampCardBuilder id(String value) {
      this.id = value;
      return this;
    }

    public StampCardBuilder version(int value) {
      this.version = value;
      return this;
    }

    public StampCardBuilder stampsRequired(int value) {
      this.stamps = value;
      return this;
    }

    public StampCardBuilder minimumPurchase(String amount) {
      this.minimum = Optional.of(Money.of(amount, "SEK"));
      return this;
    }

    public StampCardBuilder cooldown(Duration value) {
      this.cooldown = value;
      return this;
    }

    public StampCardBuilder mostPerVisit(int value) {
      this.mostPerVisit = value;
      return this;
    }

    public StampCardBuilder stampCategories(String... values) {
      this.categories = Set.of(values);
      return this;
    }

    public StampCardBuilder doubleBefore10OnWeekdays() {
      windows.add(
          new TimeWindow(
              EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
              LocalTime.of(6, 0),
              LocalTime.of(10, 0),
              2));
      return this;
    }

    public StampCardBuilder expiresAfter(Duration value) {
      this.expiry = Optional.of(value);
      return this;
    }

    public StampProgram build() {
      return new StampProgram(
          new ProgramId(id),
          version,
          "Coffee card",
          "a free coffee",
          Set.of(),
          stamps,
          minimum,
          cooldown,
          mostPerVisit,
          categories,
          windows,
          expiry);
    }
  }

  /** Builds a points program; defaults: 1 point per SEK, 500 points for a free lunch. */
  public static final class PointsBuilder {
    private BigDecimal perUnit = BigDecimal.ONE;
    private RoundingMode rounding = RoundingMode.DOWN;
    private final Map<String, BigDecimal> multipliers = new HashMap<>();
    private long cap = 0;
    private Optional<Money> minimum = Optional.empty();
    private final List<RewardThreshold> rewards =
        new ArrayList<>(List.of(new RewardThreshold(500, "a free lunch")));
    private Optional<Duration> expiry = Optional.empty();

    public PointsBuilder pointsPerUnit(String value) {
      this.perUnit = new BigDecimal(value);
      return this;
    }

    public PointsBuilder rounding(RoundingMode value) {
      this.rounding = value;
      return this;
    }

    public PointsBuilder categoryMultiplier(String category, String multiplier) {
      multipliers.put(category, new BigDecimal(multiplier));
      return this;
    }

    public PointsBuilder cap(long value) {
      this.cap = value;
      return this;
    }

    public PointsBuilder minimumPurchase(String amount) {
      this.minimum = Optional.of(Money.of(amount, "SEK"));
      return this;
    }

    public PointsBuilder reward(long points, String reward) {
      rewards.add(new RewardThreshold(points, reward));
      return this;
    }

    public PointsBuilder expiresAfter(Duration value) {
      this.expiry = Optional.of(value);
      return this;
    }

    public PointsProgram build() {
      return new PointsProgram(
          new ProgramId("lunch-points"),
          1,
          "Lunch points",
          "a free lunch",
          Set.of(),
          perUnit,
          rounding,
          multipliers,
          cap,
          minimum,
          rewards,
          List.of(),
          expiry);
    }
  }
}
