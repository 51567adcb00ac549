package com.stampcard.server.office;

import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.report.AnomalyReport;
import com.stampcard.server.report.CohortReport;
import com.stampcard.server.report.Csv;
import com.stampcard.server.report.LiabilityReport;
import com.stampcard.server.report.RedemptionReport;
import com.stampcard.server.report.ReportPeriod;
import com.stampcard.server.report.ReportQueries;
import com.stampcard.server.report.Reports;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reports page (figures, charts, tables) and each report as CSV, for the days chosen (by
 * default the last 90), in the shop's time zone (its first store's).
 */
final class ReportPages {
  private static final List<String> NAMES =
      List.of("redemption", "visits", "cohorts", "liability", "anomalies");

  private final ReportQueries queries;
  private final ServerDatabase db;
  private final Clock clock;

  ReportPages(ReportQueries queries, ServerDatabase db, Clock clock) {
    this.queries = queries;
    this.db = db;
    this.clock = clock;
  }

  void routes(Javalin app) {
    app.get("/office/reports", this::page);
    app.get("/office/reports/{name}.csv", this::csv);
  }

  private ZoneId zone() {
    return db.read(
        c -> {
          try (PreparedStatement s = c.prepareStatement("SELECT zone FROM shop_store ORDER BY id");
              ResultSet r = s.executeQuery()) {
            return r.next() ? ZoneId.of(r.getString(1)) : ZoneId.of("UTC");
          }
        });
  }

  /** The period asked for; null (after rendering an error) when it can't be read. */
  private ReportPeriod period(Context ctx, OfficeTexts t) {
    ZoneId zone = zone();
    LocalDate today = LocalDate.now(clock.withZone(zone));
    try {
      String to = ctx.queryParam("to");
      String from = ctx.queryParam("from");
      LocalDate end = to == null || to.isBlank() ? today : LocalDate.parse(to);
      LocalDate start = from == null || from.isBlank() ? end.minusDays(89) : LocalDate.parse(from);
      return new ReportPeriod(start, end, zone);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      ctx.status(400).contentType("text/plain; charset=utf-8").result(t.get("report.bad-period"));
      return null;
    }
  }

  private void csv(Context ctx) {
    OfficeTexts t = OfficePages.texts(ctx);
    String name = ctx.pathParam("name");
    if (!NAMES.contains(name)) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result(t.get("report.unknown"));
      return;
    }
    ReportPeriod period = period(ctx, t);
    if (period == null) {
      return;
    }
    Reports r = queries.reports(period, AnomalyReport.Rules.defaults());
    Csv csv =
        switch (name) {
          case "redemption" -> r.redemption().csv();
          case "visits" -> r.visits().csv();
          case "cohorts" -> r.cohorts().csv();
          case "liability" -> r.liability().csv();
          default -> r.anomalies().csv();
        };
    ctx.contentType("text/csv; charset=utf-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"stampcard-"
                + name
                + "-"
                + period.from()
                + "-"
                + period.to()
                + ".csv\"")
        .result(csv.text());
  }

  private void page(Context ctx) {
    OfficeTexts t = OfficePages.texts(ctx);
    ReportPeriod period = period(ctx, t);
    if (period == null) {
      return;
    }
    Reports r = queries.reports(period, AnomalyReport.Rules.defaults());
    NumberFormat pct = NumberFormat.getPercentInstance(t.locale());
    pct.setMaximumFractionDigits(1);
    NumberFormat num = NumberFormat.getNumberInstance(t.locale());
    num.setMaximumFractionDigits(2);
    String query = "?from=" + period.from() + "&to=" + period.to();
    StringBuilder b = new StringBuilder();
    b.append("<form method=\"get\" action=\"/office/reports\" class=\"period\" id=\"period\">")
        .append(
            OfficePages.field(
                t.get("report.from"), "from", period.from().toString(), "type=\"date\""))
        .append(
            OfficePages.field(t.get("report.to"), "to", period.to().toString(), "type=\"date\""))
        .append("<button type=\"submit\" id=\"show\">")
        .append(Html.esc(t.get("report.show")))
        .append("</button><span class=\"hint\">")
        .append(Html.esc(t.get("report.zone", period.zone())))
        .append("</span></form>");

    // redemption
    b.append(section(t, "redemption", query));
    RedemptionReport red = r.redemption();
    b.append(
        Charts.bars(
            "chart-redemption",
            t.get("report.redemption"),
            red.lines().stream().map(RedemptionReport.Line::program).toList(),
            red.lines().stream().map(RedemptionReport.Line::rate).toList(),
            1.0,
            pct::format));
    b.append(
        table(
            "table-redemption",
            t,
            List.of(
                "report.program",
                "report.earned",
                "report.redemptions",
                "report.spent",
                "report.rate"),
            red.lines().stream()
                .map(
                    l ->
                        List.of(
                            l.program(),
                            num.format(l.earned()),
                            num.format(l.redemptions()),
                            num.format(l.spent()),
                            pct.format(l.rate())))
                .toList()));

    // visits
    b.append(section(t, "visits", query));
    var v = r.visits();
    b.append("<dl class=\"figures\" id=\"figures-visits\">")
        .append(figure(t.get("report.customers"), num.format(v.customers()), "customers"))
        .append(figure(t.get("report.visits-count"), num.format(v.visits()), "visits"))
        .append(figure(t.get("report.repeat-rate"), pct.format(v.repeatRate()), "repeat-rate"))
        .append(
            figure(
                t.get("report.visits-per-customer"),
                num.format(v.visitsPerCustomer()),
                "visits-per-customer"))
        .append("</dl>");
    List<String> labels = new ArrayList<>();
    List<Double> counts = new ArrayList<>();
    for (Map.Entry<Integer, Long> e : v.visitsHistogram().entrySet()) {
      labels.add(t.get(e.getKey() == 5 ? "report.visits-n-more" : "report.visits-n", e.getKey()));
      counts.add((double) e.getValue());
    }
    b.append(Charts.bars("chart-visits", t.get("report.visits"), labels, counts, 0, num::format));

    // cohorts
    b.append(section(t, "cohorts", query));
    CohortReport cohorts = r.cohorts();
    int width = cohorts.cohorts().stream().mapToInt(c -> c.active().size()).max().orElse(0);
    b.append("<table id=\"table-cohorts\" class=\"cohorts\"><thead><tr><th>")
        .append(Html.esc(t.get("report.first-month")))
        .append("</th><th>")
        .append(Html.esc(t.get("report.customers")))
        .append("</th>");
    for (int k = 0; k < width; k++) {
      b.append("<th>").append(Html.esc(t.get("report.month-k", k))).append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (CohortReport.Cohort c : cohorts.cohorts()) {
      b.append("<tr><th>").append(c.first()).append("</th><td>").append(c.size()).append("</td>");
      for (int k = 0; k < width; k++) {
        if (k < c.active().size() && c.size() > 0) {
          b.append("<td class=\"")
              .append(Charts.heat(c.retention(k)))
              .append("\">")
              .append(pct.format(c.retention(k)))
              .append("</td>");
        } else {
          b.append("<td></td>");
        }
      }
      b.append("</tr>");
    }
    b.append("</tbody></table>");

    // liability
    b.append(section(t, "liability", query));
    LiabilityReport li = r.liability();
    b.append(
        Charts.bars(
            "chart-liability",
            t.get("report.liability"),
            li.lines().stream().map(LiabilityReport.Line::program).toList(),
            li.lines().stream().map(l -> (double) l.outstanding()).toList(),
            0,
            num::format));
    b.append(
        table(
            "table-liability",
            t,
            List.of("report.program", "report.outstanding", "report.holders", "report.overdrawn"),
            li.lines().stream()
                .map(
                    l ->
                        List.of(
                            l.program(),
                            num.format(l.outstanding()),
                            num.format(l.holders()),
                            num.format(l.overdrawn())))
                .toList()));

    // anomalies
    b.append(section(t, "anomalies", query));
    b.append("<p class=\"hint\">").append(Html.esc(t.get("report.anomalies-hint"))).append("</p>");
    b.append("<h3>").append(Html.esc(t.get("report.per-cashier"))).append("</h3>");
    b.append(anomalies("table-cashiers", t, r.anomalies().cashiers()));
    b.append("<h3>").append(Html.esc(t.get("report.per-till"))).append("</h3>");
    b.append(anomalies("table-tills", t, r.anomalies().tills()));
    OfficePages.render(ctx, 200, t.get("nav.reports"), "reports", b.toString());
  }

  private static String section(OfficeTexts t, String name, String query) {
    return "<section id=\"report-"
        + name
        + "\"><h2>"
        + Html.esc(t.get("report." + name))
        + " <a class=\"csv\" id=\"csv-"
        + name
        + "\" href=\"/office/reports/"
        + name
        + ".csv"
        + Html.esc(query)
        + "\" download>CSV</a></h2><p class=\"hint\">"
        + Html.esc(t.get("report." + name + "-what"))
        + "</p></section>";
  }

  private static String figure(String label, String value, String id) {
    return "<div><dt>"
        + Html.esc(label)
        + "</dt><dd id=\"figure-"
        + id
        + "\">"
        + Html.esc(value)
        + "</dd></div>";
  }

  private static String table(
      String id, OfficeTexts t, List<String> heads, List<List<String>> rows) {
    StringBuilder b = new StringBuilder("<table id=\"" + id + "\"><thead><tr>");
    for (String h : heads) {
      b.append("<th>").append(Html.esc(t.get(h))).append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (List<String> row : rows) {
      b.append("<tr>");
      for (String cell : row) {
        b.append("<td>").append(Html.esc(cell)).append("</td>");
      }
      b.append("</tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  private static String anomalies(String id, OfficeTexts t, List<AnomalyReport.Line> lines) {
    StringBuilder b = new StringBuilder("<table id=\"" + id + "\" class=\"anomalies\"><thead><tr>");
    for (String h :
        List.of(
            "report.who",
            "report.transactions",
            "report.typed",
            "report.voids",
            "report.quick",
            "report.flags")) {
      b.append("<th>").append(Html.esc(t.get(h))).append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (AnomalyReport.Line l : lines) {
      b.append(l.flags().isEmpty() ? "<tr>" : "<tr class=\"flagged\">")
          .append("<td>")
          .append(Html.esc(l.who()))
          .append("</td><td>")
          .append(l.transactions())
          .append("</td><td>")
          .append(l.typedCodes())
          .append("</td><td>")
          .append(l.voids())
          .append("</td><td>")
          .append(l.quickRedemptions())
          .append("</td><td class=\"flags\">");
      for (AnomalyReport.Flag f : AnomalyReport.Flag.values()) {
        if (l.flags().contains(f)) {
          b.append("<span class=\"flag\" data-flag=\"")
              .append(f)
              .append("\">")
              .append(Html.esc(t.get("flag." + f)))
              .append("</span> ");
        }
      }
      b.append("</td></tr>");
    }
    return b.append("</tbody></table>").toString();
  }
}
