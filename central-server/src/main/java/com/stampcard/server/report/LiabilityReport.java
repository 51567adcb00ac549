package com.stampcard.server.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Stamps and points customers hold now and could still spend: the shop's liability. Per program,
 * the sum of the positive balances (after merges), how many customers hold some, and, apart,
 * overdrawn balances (below zero after two offline tills spent one card).
 */
public record LiabilityReport(List<Line> lines) {
  /** One program's outstanding units. */
  public record Line(String program, long outstanding, long holders, long overdrawn) {}

  /** One account's sum of quantities in one program, as the ledger has it. */
  public record Holding(UUID account, String program, long units) {}

  public static LiabilityReport of(List<Holding> holdings, Roots roots) {
    Map<String, Map<UUID, Long>> byProgram = new TreeMap<>();
    for (Holding h : holdings) {
      byProgram
          .computeIfAbsent(h.program(), p -> new HashMap<>())
          .merge(roots.of(h.account()), h.units(), Long::sum);
    }
    return new LiabilityReport(
        byProgram.entrySet().stream()
            .map(
                x -> {
                  long outstanding = 0;
                  long holders = 0;
                  long overdrawn = 0;
                  for (long units : x.getValue().values()) {
                    if (units > 0) {
                      outstanding += units;
                      holders++;
                    } else {
                      overdrawn += -units;
                    }
                  }
                  return new Line(x.getKey(), outstanding, holders, overdrawn);
                })
            .toList());
  }

  public Csv csv() {
    Csv csv = new Csv("program", "outstanding_units", "customers_holding", "overdrawn_units");
    for (Line l : lines) {
      csv.row(l.program(), l.outstanding(), l.holders(), l.overdrawn());
    }
    return csv;
  }
}
