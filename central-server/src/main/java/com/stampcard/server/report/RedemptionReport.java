package com.stampcard.server.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per program, over a period: stamps or points given, how many of them were spent on rewards, and
 * the redemption rate (units spent / units earned). Voided events count for neither.
 */
public record RedemptionReport(List<Line> lines) {
  /** One program's figures. */
  public record Line(String program, long earned, long redemptions, long spent, double rate) {}

  public static RedemptionReport of(List<LedgerRow> events) {
    Map<String, long[]> by = new TreeMap<>();
    for (LedgerRow e : events) {
      long[] f = by.computeIfAbsent(e.program(), p -> new long[3]);
      if (e.countsAsEarning()) {
        f[0] += e.quantity();
      } else if (e.countsAsSpending()) {
        f[1]++;
        f[2] += -e.quantity();
      }
    }
    return new RedemptionReport(
        by.entrySet().stream()
            .map(
                x ->
                    new Line(
                        x.getKey(),
                        x.getValue()[0],
                        x.getValue()[1],
                        x.getValue()[2],
                        Ratio.of(x.getValue()[2], x.getValue()[0])))
            .toList());
  }

  public Csv csv() {
    Csv csv = new Csv("program", "earned", "redemptions", "spent", "redemption_rate");
    for (Line l : lines) {
      csv.row(l.program(), l.earned(), l.redemptions(), l.spent(), l.rate());
    }
    return csv;
  }
}
