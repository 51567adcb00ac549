package com.stampcard.server.office;

import com.stampcard.core.staff.LoginResult;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffLogin;
import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.enrol.Enrolment;
import com.stampcard.server.http.ApiException;
import com.stampcard.server.report.ReportQueries;
import com.stampcard.server.web.LoginThrottle;
import com.stampcard.server.web.SessionKind;
import com.stampcard.server.web.WebSession;
import com.stampcard.server.web.WebSessions;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The back office: web pages under {@code /office} for managers (staff with the manager role, with
 * their PIN, checked by core's {@link StaffLogin}) and the admin (user {@code admin}, the
 * configured admin token as password). Stores, tills, staff, programs and reports. See
 * docs/decisions/0801-back-office-pages.md.
 */
public final class BackOffice {
  /** The admin's session subject: not a valid staff id, so no member of staff can be it. */
  static final String ADMIN = "@admin";

  static final String SESSION = "office.session";
  static final String TEXTS = "office.texts";
  private static final String LANGUAGE_COOKIE = "office_lang";

  private final ServerDatabase db;
  private final WebSessions sessions;
  private final LoginThrottle throttle;
  private final StaffLogin staffLogin;
  private final String adminToken;
  private final byte[] css;
  private final OfficePages pages;
  private final ReportPages reports;

  public BackOffice(
      ServerDatabase db,
      Enrolment enrolment,
      Clock clock,
      String adminToken,
      boolean secureCookies) {
    this.db = db;
    this.sessions =
        new WebSessions(
            db, clock, SessionKind.STAFF, "stampcard_office", Duration.ofHours(8), secureCookies);
    this.throttle = new LoginThrottle(db, clock, SessionKind.STAFF, 5, 20, Duration.ofMinutes(15));
    this.staffLogin = new StaffLogin(db.store(), clock, 5, Duration.ofMinutes(15));
    this.adminToken = adminToken;
    this.css = resource("/web/office/office.css");
    this.pages = new OfficePages(db, enrolment, clock);
    this.reports = new ReportPages(new ReportQueries(db), db, clock);
  }

  /** Adds the back office's routes to {@code app}. */
  public void routes(Javalin app) {
    app.get("/office/office.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(css));
    app.before("/office", this::guard);
    app.before("/office/*", this::guard);
    app.get("/office", ctx -> ctx.redirect("/office/reports"));
    app.get("/office/", ctx -> ctx.redirect("/office/reports"));
    app.get("/office/login", ctx -> loginPage(ctx, null, 200));
    app.post("/office/login", this::login);
    app.post("/office/logout", this::logout);
    pages.routes(app);
    reports.routes(app);
  }

  private void guard(Context ctx) {
    ctx.header(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Cache-Control", "no-store");
    String lang = ctx.queryParam("lang");
    if (lang != null && lang.matches("sv|nl|en")) {
      ctx.res()
          .addHeader(
              "Set-Cookie",
              LANGUAGE_COOKIE + "=" + lang + "; Path=/office; Max-Age=31536000; SameSite=Strict");
    } else {
      lang = ctx.cookie(LANGUAGE_COOKIE);
    }
    ctx.attribute(TEXTS, OfficeTexts.forRequest(lang, ctx.header("Accept-Language")));
    String path = ctx.path();
    if (path.equals("/office/login") || path.equals("/office/office.css")) {
      return;
    }
    Optional<WebSession> session = sessions.current(ctx);
    if (session.isEmpty()) {
      if (ctx.method() == HandlerType.GET) {
        ctx.redirect("/office/login");
        ctx.skipRemainingHandlers();
        return;
      }
      throw ApiException.unauthorized("Your back-office session has ended. Log in again.");
    }
    if (!session.get().subject().equals(ADMIN) && !stillManager(session.get().subject())) {
      sessions.end(ctx);
      throw ApiException.forbidden(
          "Only managers and the admin use the back office. Ask the admin for the manager role.");
    }
    sessions.requireMayChange(ctx, session.get());
    ctx.attribute(SESSION, session.get());
  }

  /** A manager whose role was taken away, or who was made inactive, loses the back office now. */
  private boolean stillManager(String staffId) {
    return db.store()
        .inTransaction(tx -> tx.staffMember(new StaffId(staffId)))
        .map(m -> m.active() && m.isManager())
        .orElse(false);
  }

  private void loginPage(Context ctx, String error, int status) {
    OfficeTexts t = ctx.attribute(TEXTS);
    String body =
        (error == null ? "" : Html.banner("error", error))
            + "<form method=\"post\" action=\"/office/login\" class=\"login\">"
            + "<label>"
            + Html.esc(t.get("login.user"))
            + " <input name=\"user\" id=\"user\" autocomplete=\"username\" required></label>"
            + "<label>"
            + Html.esc(t.get("login.secret"))
            + " <input name=\"secret\" id=\"secret\" type=\"password\""
            + " autocomplete=\"current-password\" required></label>"
            + "<button type=\"submit\" id=\"login\">"
            + Html.esc(t.get("login.button"))
            + "</button><p class=\"hint\">"
            + Html.esc(t.get("login.hint"))
            + "</p></form>";
    ctx.status(status)
        .contentType("text/html; charset=utf-8")
        .result(Html.page(t, t.get("login.title"), null, "", "/office/login", body));
  }

  private void login(Context ctx) {
    OfficeTexts t = ctx.attribute(TEXTS);
    if (!WebSessions.sameOrigin(ctx)) {
      loginPage(ctx, t.get("login.other-site"), 403);
      return;
    }
    String user = Optional.ofNullable(ctx.formParam("user")).orElse("").strip();
    String secret = Optional.ofNullable(ctx.formParam("secret")).orElse("");
    Optional<Duration> wait = throttle.retryAfter(user, ctx.ip());
    if (wait.isPresent()) {
      ctx.header("Retry-After", Long.toString(wait.get().toSeconds() + 1));
      loginPage(ctx, t.get("login.throttled", wait.get().toMinutes() + 1), 429);
      return;
    }
    Optional<String> subject = check(user, secret);
    if (subject.isEmpty()) {
      throttle.failed(user, ctx.ip());
      loginPage(ctx, t.get("login.refused"), 401);
      return;
    }
    throttle.succeeded(user);
    sessions.start(ctx, subject.get());
    ctx.redirect("/office/reports");
  }

  /** The session subject for this user and secret, if they may use the back office. */
  private Optional<String> check(String user, String secret) {
    if (secret.isEmpty() || user.isEmpty()) {
      return Optional.empty();
    }
    if (user.equals("admin")) {
      if (adminToken.isEmpty()) {
        return Optional.empty();
      }
      boolean right =
          MessageDigest.isEqual(
              secret.getBytes(StandardCharsets.UTF_8), adminToken.getBytes(StandardCharsets.UTF_8));
      return right ? Optional.of(ADMIN) : Optional.empty();
    }
    StaffId id;
    try {
      id = new StaffId(user);
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
    char[] pin = secret.toCharArray();
    LoginResult result = staffLogin.login(id, pin);
    java.util.Arrays.fill(pin, '\0');
    if (result instanceof LoginResult.LoggedIn in && in.member().isManager()) {
      return Optional.of(id.value());
    }
    return Optional.empty();
  }

  private void logout(Context ctx) {
    sessions.end(ctx);
    ctx.redirect("/office/login");
  }

  private static byte[] resource(String name) {
    try (InputStream in = BackOffice.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the server's jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
