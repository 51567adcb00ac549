package com.stampcard.server.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Per cashier and per till over a period: how often codes were typed by hand, events voided, and
 * rewards given right after stamps on the same card; flagged where a share crosses its rule. A flag
 * is a reason to look, not a verdict.
 */
public record AnomalyReport(List<Line> cashiers, List<Line> tills) {
  /** What stands out. */
  public enum Flag {
    MANY_TYPED_CODES,
    MANY_VOIDS,
    REDEMPTIONS_RIGHT_AFTER_STAMPS
  }

  /**
   * When a flag is raised.
   *
   * @param typedShare typed codes / transactions at or above this, with at least {@code minTyped}
   * @param voidShare voids / transactions at or above this, with at least {@code minVoids}
   * @param quickWithin a redemption this soon after an earning on the same customer's card counts
   * @param minQuick this many such redemptions raise the flag
   */
  public record Rules(
      double typedShare,
      int minTyped,
      double voidShare,
      int minVoids,
      Duration quickWithin,
      int minQuick) {
    public static Rules defaults() {
      return new Rules(0.2, 3, 0.1, 3, Duration.ofMinutes(10), 2);
    }
  }

  /** One cashier's or till's figures. */
  public record Line(
      String who,
      long transactions,
      long typedCodes,
      long voids,
      long quickRedemptions,
      Set<Flag> flags) {
    public Line {
      flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }
  }

  public static AnomalyReport of(List<LedgerRow> events, Roots roots, Rules rules) {
    Set<UUID> quick = quickRedemptions(events, roots, rules.quickWithin());
    return new AnomalyReport(
        lines(events, LedgerRow::cashier, quick, rules),
        lines(events, LedgerRow::till, quick, rules));
  }

  /** Spending events that came within {@code within} after an earning on the same card. */
  static Set<UUID> quickRedemptions(List<LedgerRow> events, Roots roots, Duration within) {
    Map<String, List<LedgerRow>> byCard = new HashMap<>();
    for (LedgerRow e : events) {
      if (e.countsAsEarning() || e.countsAsSpending()) {
        byCard
            .computeIfAbsent(roots.of(e.account()) + "/" + e.program(), k -> new ArrayList<>())
            .add(e);
      }
    }
    Set<UUID> quick = new java.util.HashSet<>();
    for (List<LedgerRow> card : byCard.values()) {
      card.sort(Comparator.comparing(LedgerRow::at));
      LedgerRow lastEarning = null;
      for (LedgerRow e : card) {
        if (e.countsAsEarning()) {
          lastEarning = e;
        } else if (lastEarning != null
            && Duration.between(lastEarning.at(), e.at()).compareTo(within) <= 0) {
          quick.add(e.eventId());
        }
      }
    }
    return quick;
  }

  private static List<Line> lines(
      List<LedgerRow> events, Function<LedgerRow, String> who, Set<UUID> quick, Rules rules) {
    Map<String, long[]> by = new TreeMap<>();
    for (LedgerRow e : events) {
      long[] f = by.computeIfAbsent(who.apply(e), w -> new long[4]);
      if (e.isTransaction()) {
        f[0]++;
        if (e.flags().contains("TYPED_CODE")) {
          f[1]++;
        }
      }
      if (e.type().equals("VOID")) {
        f[2]++;
      }
      if (quick.contains(e.eventId())) {
        f[3]++;
      }
    }
    List<Line> lines = new ArrayList<>();
    by.forEach(
        (w, f) -> {
          EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
          if (f[1] >= rules.minTyped() && Ratio.of(f[1], f[0]) >= rules.typedShare()) {
            flags.add(Flag.MANY_TYPED_CODES);
          }
          if (f[2] >= rules.minVoids() && Ratio.of(f[2], f[0]) >= rules.voidShare()) {
            flags.add(Flag.MANY_VOIDS);
          }
          if (f[3] >= rules.minQuick()) {
            flags.add(Flag.REDEMPTIONS_RIGHT_AFTER_STAMPS);
          }
          lines.add(new Line(w, f[0], f[1], f[2], f[3], flags));
        });
    return List.copyOf(lines);
  }

  public Csv csv() {
    Csv csv =
        new Csv(
            "kind", "who", "transactions", "typed_codes", "voids", "quick_redemptions", "flags");
    for (String kind : List.of("cashier", "till")) {
      for (Line l : kind.equals("cashier") ? cashiers : tills) {
        csv.row(
            kind,
            l.who(),
            l.transactions(),
            l.typedCodes(),
            l.voids(),
            l.quickRedemptions(),
            String.join(" ", l.flags().stream().map(Enum::name).sorted().toList()));
      }
    }
    return csv;
  }
}
