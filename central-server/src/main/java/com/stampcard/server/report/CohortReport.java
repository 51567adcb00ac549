package com.stampcard.server.report;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Retention by month of first visit: customers whose first visit ever fell in a month, and the
 * share of them who visited again 1, 2, ... months later (month 0 is always everyone).
 */
public record CohortReport(List<Cohort> cohorts) {
  /**
   * One month's new customers.
   *
   * @param active customers of the cohort with a visit in month {@code first + k}, for k = 0, 1,
   *     ... up to the report's last month
   */
  public record Cohort(YearMonth first, long size, List<Long> active) {
    public double retention(int k) {
      return Ratio.of(active.get(k), size);
    }
  }

  /**
   * @param history every event up to the end of the report's last month (first visits can be long
   *     before the report's first month)
   */
  public static CohortReport of(
      List<LedgerRow> history, Roots roots, ZoneId zone, YearMonth from, YearMonth to) {
    Map<UUID, Set<YearMonth>> months = new HashMap<>();
    for (LedgerRow e : history) {
      if (e.countsAsEarning() || e.countsAsSpending()) {
        months
            .computeIfAbsent(roots.of(e.account()), a -> new HashSet<>())
            .add(YearMonth.from(e.at().atZone(zone)));
      }
    }
    Map<YearMonth, List<Set<YearMonth>>> byFirst = new TreeMap<>();
    for (Set<YearMonth> m : months.values()) {
      YearMonth first = m.stream().min(YearMonth::compareTo).orElseThrow();
      if (!first.isBefore(from) && !first.isAfter(to)) {
        byFirst.computeIfAbsent(first, f -> new ArrayList<>()).add(m);
      }
    }
    List<Cohort> cohorts = new ArrayList<>();
    for (YearMonth first = from; !first.isAfter(to); first = first.plusMonths(1)) {
      List<Set<YearMonth>> members = byFirst.getOrDefault(first, List.of());
      List<Long> active = new ArrayList<>();
      for (YearMonth m = first; !m.isAfter(to); m = m.plusMonths(1)) {
        YearMonth month = m;
        active.add(members.stream().filter(s -> s.contains(month)).count());
      }
      cohorts.add(new Cohort(first, members.size(), List.copyOf(active)));
    }
    return new CohortReport(List.copyOf(cohorts));
  }

  public Csv csv() {
    Csv csv = new Csv("first_visit_month", "customers", "months_later", "active", "retention");
    for (Cohort c : cohorts) {
      for (int k = 0; k < c.active().size(); k++) {
        csv.row(c.first(), c.size(), k, c.active().get(k), c.retention(k));
      }
    }
    return csv;
  }
}
