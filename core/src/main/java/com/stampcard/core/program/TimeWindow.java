package com.stampcard.core.program;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A time of the week when the program gives more, for example double stamps before 10:00 on
 * weekdays. {@code from} is inclusive, {@code until} exclusive, in the store's time zone.
 */
public record TimeWindow(Set<DayOfWeek> days, LocalTime from, LocalTime until, int multiplier) {
  public TimeWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    days = days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
    if (!from.isBefore(until)) {
      throw new IllegalArgumentException(
          "a time window must start before it ends: " + from + "-" + until);
    }
    if (multiplier < 1 || multiplier > 10) {
      throw new IllegalArgumentException(
          "a window's multiplier must be 1 to 10, not " + multiplier);
    }
  }

  public boolean covers(ZonedDateTime at) {
    LocalTime time = at.toLocalTime();
    return days.contains(at.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(until);
  }

  /** The largest multiplier of the windows that cover {@code at}, or 1. */
  public static int multiplierAt(Iterable<TimeWindow> windows, ZonedDateTime at) {
    int best = 1;
    for (TimeWindow w : windows) {
      if (w.covers(at)) {
        best = Math.max(best, w.multiplier());
      }
    }
    return best;
  }
}
