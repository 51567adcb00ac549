package com.stampcard.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The report computations on small crafted ledgers, against figures worked out by hand. */
class ReportFiguresTest {
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private final List<LedgerRow> rows = new ArrayList<>();

  private LedgerRow add(
      UUID account,
      String type,
      long quantity,
      String cashier,
      String till,
      String at,
      String... flags) {
    LedgerRow row =
        new LedgerRow(
            UUID.randomUUID(),
            account,
            "coffee-card",
            type,
            quantity,
            "cafe-norr",
            till,
            cashier,
            Instant.parse(at),
            Set.of(flags),
            false);
    rows.add(row);
    return row;
  }

  private void voidIt(LedgerRow row, String cashier, String till, String at) {
    rows.set(
        rows.indexOf(row),
        new LedgerRow(
            row.eventId(),
            row.account(),
            row.program(),
            row.type(),
            row.quantity(),
            row.store(),
            row.till(),
            row.cashier(),
            row.at(),
            row.flags(),
            true));
    add(row.account(), "VOID", -row.quantity(), cashier, till, at);
  }

  @Test
  void redemptionRateIsUnitsSpentOverUnitsEarnedWithoutVoids() {
    UUID a = UUID.randomUUID();
    for (int i = 0; i < 10; i++) {
      add(a, "STAMP", 1, "anna", "k1", "2026-01-0" + (i % 9 + 1) + "T10:00:00Z");
    }
    LedgerRow wrong = add(a, "STAMP", 2, "anna", "k1", "2026-01-09T11:00:00Z");
    voidIt(wrong, "maria", "k1", "2026-01-09T11:01:00Z");
    add(a, "REDEEM", -10, "anna", "k1", "2026-01-20T10:00:00Z");
    LedgerRow voidedRedeem = add(a, "REDEEM", -10, "anna", "k1", "2026-01-21T10:00:00Z");
    voidIt(voidedRedeem, "maria", "k1", "2026-01-21T10:01:00Z");

    RedemptionReport.Line line = RedemptionReport.of(rows).lines().get(0);

    // earned 10 (the voided 2 don't count), one redemption of 10 (the voided one doesn't count)
    assertThat(line.earned()).isEqualTo(10);
    assertThat(line.redemptions()).isEqualTo(1);
    assertThat(line.spent()).isEqualTo(10);
    assertThat(line.rate()).isEqualTo(1.0);
  }

  @Test
  void visitsAreCustomerStoreAndLocalDayWithMergedCardsAsOneCustomer() {
    UUID a = UUID.randomUUID();
    UUID aOldCard = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    // 23:30 UTC on 31 Jan is 00:30 on 1 Feb in Stockholm: a second local day
    add(a, "STAMP", 1, "anna", "k1", "2026-01-31T12:00:00Z");
    add(a, "STAMP", 1, "anna", "k1", "2026-01-31T23:30:00Z");
    // the merged card, same local day as the second: no new visit
    add(aOldCard, "STAMP", 1, "anna", "k1", "2026-02-01T08:00:00Z");
    add(b, "STAMP", 1, "anna", "k1", "2026-02-03T08:00:00Z");
    Roots roots = new Roots(Map.of(aOldCard, a));

    VisitReport v = VisitReport.of(rows, roots, STOCKHOLM);

    assertThat(v.customers()).isEqualTo(2);
    assertThat(v.visits()).isEqualTo(3);
    assertThat(v.repeatCustomers()).isEqualTo(1);
    assertThat(v.repeatRate()).isEqualTo(0.5);
    assertThat(v.visitsPerCustomer()).isEqualTo(1.5);
    assertThat(v.visitsHistogram()).containsEntry(1, 1L).containsEntry(2, 1L).containsEntry(5, 0L);

    // in UTC both of a's January stamps are on 31 Jan: one visit, then 1 Feb another
    assertThat(VisitReport.of(rows, roots, ZoneId.of("UTC")).visits()).isEqualTo(3);
  }

  @Test
  void cohortsCountFirstVisitsEverAndReturnsByMonth() {
    UUID jan1 = UUID.randomUUID();
    UUID jan2 = UUID.randomUUID();
    UUID feb1 = UUID.randomUUID();
    UUID december = UUID.randomUUID();
    add(jan1, "STAMP", 1, "anna", "k1", "2026-01-05T10:00:00Z");
    add(jan1, "STAMP", 1, "anna", "k1", "2026-03-05T10:00:00Z");
    add(jan2, "STAMP", 1, "anna", "k1", "2026-01-06T10:00:00Z");
    add(jan2, "REDEEM", -1, "anna", "k1", "2026-02-06T10:00:00Z");
    add(feb1, "STAMP", 1, "anna", "k1", "2026-02-10T10:00:00Z");
    add(december, "STAMP", 1, "anna", "k1", "2025-12-10T10:00:00Z");
    add(december, "STAMP", 1, "anna", "k1", "2026-01-10T10:00:00Z");

    CohortReport r =
        CohortReport.of(
            rows, Roots.none(), STOCKHOLM, YearMonth.of(2026, 1), YearMonth.of(2026, 3));

    assertThat(r.cohorts()).hasSize(3);
    CohortReport.Cohort jan = r.cohorts().get(0);
    assertThat(jan.size()).isEqualTo(2);
    assertThat(jan.active()).containsExactly(2L, 1L, 1L);
    assertThat(jan.retention(1)).isEqualTo(0.5);
    assertThat(r.cohorts().get(1).active()).containsExactly(1L, 0L);
    assertThat(r.cohorts().get(2).size()).isZero();
    assertThat(r.cohorts().get(2).active()).containsExactly(0L);
  }

  @Test
  void liabilityIsPositiveBalancesAfterMergesAndOverdraftsApart() {
    UUID a = UUID.randomUUID();
    UUID aOld = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    UUID c = UUID.randomUUID();
    List<LiabilityReport.Holding> holdings =
        List.of(
            new LiabilityReport.Holding(a, "coffee-card", 4),
            new LiabilityReport.Holding(aOld, "coffee-card", -1),
            new LiabilityReport.Holding(b, "coffee-card", -2),
            new LiabilityReport.Holding(c, "coffee-card", 0),
            new LiabilityReport.Holding(c, "lunch-points", 350));

    LiabilityReport r = LiabilityReport.of(holdings, new Roots(Map.of(aOld, a)));

    assertThat(r.lines())
        .containsExactly(
            new LiabilityReport.Line("coffee-card", 3, 1, 2),
            new LiabilityReport.Line("lunch-points", 350, 1, 0));
  }

  @Test
  void anomaliesFlagTypedCodesVoidsAndRewardsRightAfterStamps() {
    UUID[] cards = new UUID[10];
    for (int i = 0; i < cards.length; i++) {
      cards[i] = UUID.randomUUID();
    }
    // bo: 10 stamps, 3 typed by hand (30% >= 20%, and 3)
    for (int i = 0; i < 10; i++) {
      if (i < 3) {
        add(cards[i], "STAMP", 1, "bo", "k1", "2026-01-05T10:0" + i + ":00Z", "TYPED_CODE");
      } else {
        add(cards[i], "STAMP", 1, "bo", "k1", "2026-01-05T10:0" + i + ":00Z");
      }
    }
    // cy at k2: 10 stamps, 3 of them voided by cy (30% >= 10%, and 3); 2 typed (under 3)
    for (int i = 0; i < 10; i++) {
      LedgerRow s =
          i < 2
              ? add(cards[i], "STAMP", 1, "cy", "k2", "2026-01-06T10:0" + i + ":00Z", "TYPED_CODE")
              : add(cards[i], "STAMP", 1, "cy", "k2", "2026-01-06T10:0" + i + ":00Z");
      if (i >= 7) {
        voidIt(s, "cy", "k2", "2026-01-06T11:0" + i + ":00Z");
      }
    }
    // di at k2 redeems: card 3 at 10:40, 37 minutes after cy's stamp (not quick); card 4 at 10:13,
    // nine minutes after cy's 10:04 stamp (quick); card 5 at 10:15, ten minutes after cy's 10:05
    // stamp (quick: the limit is inclusive); card 9 at 10:12, but cy's 10:09 stamp on it was
    // voided and bo's was a day earlier (not quick)
    add(cards[3], "REDEEM", -1, "di", "k2", "2026-01-06T10:40:00Z");
    add(cards[4], "REDEEM", -1, "di", "k2", "2026-01-06T10:13:00Z");
    add(cards[5], "REDEEM", -1, "di", "k2", "2026-01-06T10:15:00Z");
    add(cards[9], "REDEEM", -1, "di", "k2", "2026-01-06T10:12:00Z");

    AnomalyReport r = AnomalyReport.of(rows, Roots.none(), AnomalyReport.Rules.defaults());

    assertThat(r.cashiers())
        .containsExactly(
            new AnomalyReport.Line("bo", 10, 3, 0, 0, Set.of(AnomalyReport.Flag.MANY_TYPED_CODES)),
            new AnomalyReport.Line("cy", 10, 2, 3, 0, Set.of(AnomalyReport.Flag.MANY_VOIDS)),
            new AnomalyReport.Line(
                "di", 4, 0, 0, 2, Set.of(AnomalyReport.Flag.REDEMPTIONS_RIGHT_AFTER_STAMPS)));
    // k2 is cy's and di's till: 14 transactions, 2 typed (under 3), 3 voids (21%), 2 quick
    assertThat(r.tills())
        .containsExactly(
            new AnomalyReport.Line("k1", 10, 3, 0, 0, Set.of(AnomalyReport.Flag.MANY_TYPED_CODES)),
            new AnomalyReport.Line(
                "k2",
                14,
                2,
                3,
                2,
                Set.of(
                    AnomalyReport.Flag.MANY_VOIDS,
                    AnomalyReport.Flag.REDEMPTIONS_RIGHT_AFTER_STAMPS)));
  }

  @Test
  void csvQuotesAndDefusesFormulas() {
    String text = new Csv("who", "share").row("a,b", 0.5).row("=HYPERLINK(\"x\")", 1.0 / 3).text();
    assertThat(text)
        .isEqualTo("who,share\r\n\"a,b\",0.5000\r\n\"'=HYPERLINK(\"\"x\"\")\",0.3333\r\n");
    assertThat(1.0 / 3).isCloseTo(0.3333, within(0.0001));
  }
}
