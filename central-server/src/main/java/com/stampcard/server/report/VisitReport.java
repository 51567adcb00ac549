package com.stampcard.server.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Visits over a period. A visit is one customer (root account) at one store on one day (in the
 * report's time zone) with at least one stamp, points or reward that was not voided.
 *
 * @param customers customers with at least one visit
 * @param repeatCustomers customers with two visits or more
 * @param visitsHistogram number of customers by their number of visits (1, 2, 3, 4, 5 = five or
 *     more)
 */
public record VisitReport(
    long customers,
    long visits,
    long repeatCustomers,
    double repeatRate,
    double visitsPerCustomer,
    Map<Integer, Long> visitsHistogram) {

  public static VisitReport of(List<LedgerRow> events, Roots roots, ZoneId zone) {
    Map<UUID, Set<String>> visits = visitsByCustomer(events, roots, zone);
    long total = 0;
    long repeat = 0;
    Map<Integer, Long> histogram = new TreeMap<>();
    for (int i = 1; i <= 5; i++) {
      histogram.put(i, 0L);
    }
    for (Set<String> v : visits.values()) {
      total += v.size();
      if (v.size() >= 2) {
        repeat++;
      }
      histogram.merge(Math.min(v.size(), 5), 1L, Long::sum);
    }
    long customers = visits.size();
    return new VisitReport(
        customers,
        total,
        repeat,
        Ratio.of(repeat, customers),
        Ratio.of(total, customers),
        histogram);
  }

  /** Each customer's visits as "store/date" keys. */
  static Map<UUID, Set<String>> visitsByCustomer(List<LedgerRow> events, Roots roots, ZoneId zone) {
    Map<UUID, Set<String>> visits = new HashMap<>();
    for (LedgerRow e : events) {
      if (e.countsAsEarning() || e.countsAsSpending()) {
        LocalDate day = e.at().atZone(zone).toLocalDate();
        visits
            .computeIfAbsent(roots.of(e.account()), a -> new HashSet<>())
            .add(e.store() + "/" + day);
      }
    }
    return visits;
  }

  public Csv csv() {
    Csv csv =
        new Csv(
            "customers", "visits", "repeat_customers", "repeat_visit_rate", "visits_per_customer");
    csv.row(customers, visits, repeatCustomers, repeatRate, visitsPerCustomer);
    return csv;
  }
}
