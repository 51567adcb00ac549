package com.stampcard.server.office;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Charts drawn as inline SVG on the server: nothing loaded from anywhere, readable without scripts,
 * and allowed by the pages' Content-Security-Policy (presentation attributes, no styles).
 */
final class Charts {
  private static final int ROW = 26;
  private static final int LABEL = 170;
  private static final int BAR = 420;

  private Charts() {}

  /** Horizontal bars, one per label, scaled to the largest value (or to {@code max} if given). */
  static String bars(
      String id,
      String title,
      List<String> labels,
      List<Double> values,
      double max,
      DoubleFunction<String> format) {
    double top = max > 0 ? max : values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    int height = Math.max(1, labels.size()) * ROW + 8;
    int width = LABEL + BAR + 90;
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"chart\" id=\"")
        .append(id)
        .append("\" role=\"img\" aria-label=\"")
        .append(Html.esc(title))
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>")
        .append(Html.esc(title))
        .append("</title>");
    for (int i = 0; i < labels.size(); i++) {
      double v = values.get(i);
      int y = 4 + i * ROW;
      long w = top <= 0 ? 0 : Math.round(BAR * Math.min(1.0, v / top));
      b.append("<text x=\"")
          .append(LABEL - 8)
          .append("\" y=\"")
          .append(y + 17)
          .append("\" text-anchor=\"end\" font-size=\"13\" fill=\"#333\">")
          .append(Html.esc(labels.get(i)))
          .append("</text><rect class=\"bar\" x=\"")
          .append(LABEL)
          .append("\" y=\"")
          .append(y + 3)
          .append("\" width=\"")
          .append(w)
          .append("\" height=\"")
          .append(ROW - 8)
          .append("\" fill=\"#2f6f8f\" data-value=\"")
          .append(String.format(Locale.ROOT, "%.4f", v))
          .append("\"></rect><text x=\"")
          .append(LABEL + w + 6)
          .append("\" y=\"")
          .append(y + 17)
          .append("\" font-size=\"13\" fill=\"#333\">")
          .append(Html.esc(format.apply(v)))
          .append("</text>");
    }
    b.append("</svg>");
    return b.toString();
  }

  /** A share 0..1 as a CSS class l0..l10 for a heat-map cell. */
  static String heat(double share) {
    return "l" + Math.max(0, Math.min(10, Math.round(share * 10)));
  }
}
