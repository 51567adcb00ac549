package com.stampcard.server.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/** The days a report covers, {@code from} to {@code to} inclusive, in the shop's time zone. */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {
  public ReportPeriod {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the period ends before it starts");
    }
  }

  public Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the period. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public YearMonth firstMonth() {
    return YearMonth.from(from);
  }

  public YearMonth lastMonth() {
    return YearMonth.from(to);
  }
}
