package com.stampcard.server.office;

import com.stampcard.server.web.WebSession;
import com.stampcard.server.web.WebSessions;

/** Escaping and the page frame the back office's pages share. */
final class Html {
  private Html() {}

  static String esc(Object value) {
    String s = String.valueOf(value);
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** The hidden field every form that changes something carries. */
  static String csrf(WebSession session) {
    return "<input type=\"hidden\" name=\""
        + WebSessions.CSRF_FIELD
        + "\" value=\""
        + esc(session.csrfToken())
        + "\">";
  }

  /** A calm banner: {@code kind} is "ok" or "error". */
  static String banner(String kind, String text) {
    return "<p class=\"banner "
        + kind
        + "\" role=\""
        + (kind.equals("error") ? "alert" : "status")
        + "\" id=\"banner\">"
        + esc(text)
        + "</p>";
  }

  /**
   * A whole page. {@code session} null: the login page, without navigation. {@code active} names
   * the current section for the navigation.
   */
  static String page(
      OfficeTexts t, String title, WebSession session, String active, String path, String body) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<!DOCTYPE html><html lang=\"")
        .append(t.language())
        .append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(esc(title))
        .append(" · ")
        .append(esc(t.get("office.name")))
        .append("</title><link rel=\"stylesheet\" href=\"/office/office.css\"></head><body>");
    b.append("<header><strong>").append(esc(t.get("office.name"))).append("</strong>");
    if (session != null) {
      b.append("<nav>");
      for (String section : new String[] {"reports", "stores", "tills", "staff", "programs"}) {
        b.append("<a href=\"/office/")
            .append(section)
            .append("\" id=\"nav-")
            .append(section)
            .append("\"")
            .append(section.equals(active) ? " class=\"active\" aria-current=\"page\"" : "")
            .append(">")
            .append(esc(t.get("nav." + section)))
            .append("</a>");
      }
      b.append("</nav>");
    }
    b.append("<span class=\"langs\">");
    for (var l : OfficeTexts.languages()) {
      b.append("<a href=\"")
          .append(esc(path + (path.contains("?") ? "&" : "?") + "lang=" + l.getLanguage()))
          .append("\" lang=\"")
          .append(l.getLanguage())
          .append("\">")
          .append(l.getLanguage())
          .append("</a> ");
    }
    b.append("</span>");
    if (session != null) {
      b.append("<form method=\"post\" action=\"/office/logout\" class=\"logout\">")
          .append(csrf(session))
          .append("<span>")
          .append(esc(t.get("office.signed-in-as", who(session.subject()))))
          .append("</span> <button type=\"submit\" id=\"logout\">")
          .append(esc(t.get("office.logout")))
          .append("</button></form>");
    }
    b.append("</header><main><h1>").append(esc(title)).append("</h1>");
    b.append(body);
    b.append("</main></body></html>");
    return b.toString();
  }

  private static String who(String subject) {
    return subject.equals(BackOffice.ADMIN) ? "admin" : subject;
  }
}
