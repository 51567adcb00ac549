package com.stampcard.server.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A report as comma-separated values (RFC 4180): a header line, then rows; fractions with a dot and
 * four decimals whatever the page's language, so spreadsheets and scripts read them alike. A text
 * that a spreadsheet would take for a formula is prefixed with an apostrophe.
 */
public final class Csv {
  private final List<String> lines = new ArrayList<>();
  private final int columns;

  public Csv(String... header) {
    columns = header.length;
    row((Object[]) header);
  }

  public Csv row(Object... values) {
    if (values.length != columns) {
      throw new IllegalArgumentException("expected " + columns + " values");
    }
    List<String> cells = new ArrayList<>();
    for (Object v : values) {
      cells.add(cell(v));
    }
    lines.add(String.join(",", cells));
    return this;
  }

  private static String cell(Object v) {
    String text;
    if (v instanceof Double d) {
      text = String.format(Locale.ROOT, "%.4f", d);
    } else {
      text = String.valueOf(v);
      if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
        text = "'" + text;
      }
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  /** The text, lines ended with CRLF. */
  public String text() {
    return String.join("\r\n", lines) + "\r\n";
  }
}
