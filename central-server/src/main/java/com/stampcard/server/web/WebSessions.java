package com.stampcard.server.web;

import static com.stampcard.server.http.Digests.sha256;

import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.http.ApiException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Browser sessions of one kind, in a cookie of their own (for example {@code stampcard_office} for
 * staff in the back office). The cookie holds a random 256-bit token and is {@code HttpOnly},
 * {@code SameSite=Strict} and (unless configured off for plain-HTTP trials) {@code Secure}; the
 * database holds only its SHA-256, so any server instance on the same database accepts it, and a
 * logout or an expiry ends it everywhere.
 *
 * <p>Cross-site request forgery is refused twice: {@code SameSite=Strict} keeps the cookie off
 * other sites' requests, and every changing request ({@code POST}, {@code PUT}, {@code PATCH},
 * {@code DELETE}) must carry the session's CSRF token, in the form field {@value #CSRF_FIELD} or
 * the header {@value #CSRF_HEADER}, and, when the browser sends an {@code Origin}, come from this
 * server's own origin. See docs/decisions/0800-web-sessions.md.
 */
public final class WebSessions {
  public static final String CSRF_FIELD = "csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private static final Set<HandlerType> SAFE =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ServerDatabase db;
  private final Clock clock;
  private final SessionKind kind;
  private final String cookie;
  private final Duration lifetime;
  private final boolean secureCookie;

  /**
   * @param cookie the cookie's name, one per kind of page (letters, digits, underscore)
   * @param lifetime how long a session lasts after login
   * @param secureCookie whether the cookie is marked Secure (HTTPS only); browsers also accept a
   *     Secure cookie from http://localhost and http://127.0.0.1
   */
  public WebSessions(
      ServerDatabase db,
      Clock clock,
      SessionKind kind,
      String cookie,
      Duration lifetime,
      boolean secureCookie) {
    if (!cookie.matches("[A-Za-z0-9_]{1,40}")) {
      throw new IllegalArgumentException("cookie name: use letters, digits and underscores");
    }
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("a session must last a while");
    }
    this.db = db;
    this.clock = clock;
    this.kind = kind;
    this.cookie = cookie;
    this.lifetime = lifetime;
    this.secureCookie = secureCookie;
  }

  public SessionKind kind() {
    return kind;
  }

  /**
   * Starts a session for {@code subject} (after the caller checked their credential) and sets its
   * cookie. Any session this browser had of this kind ends: a login never keeps a token someone
   * could have planted before it.
   */
  public WebSession start(Context ctx, String subject) {
    String token = randomToken();
    String csrf = randomToken();
    Instant now = clock.instant();
    Instant expires = now.plus(lifetime);
    Optional<String> old = presentedToken(ctx);
    db.write(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM web_session WHERE expires_at <= ?")) {
            s.setObject(1, utc(now));
            s.executeUpdate();
          }
          if (old.isPresent()) {
            try (PreparedStatement s =
                c.prepareStatement("DELETE FROM web_session WHERE token_hash = ?")) {
              s.setString(1, sha256(old.get()));
              s.executeUpdate();
            }
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO web_session (token_hash, kind, subject, csrf_token, created_at,"
                      + " expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, sha256(token));
            s.setString(2, kind.name());
            s.setString(3, subject);
            s.setString(4, csrf);
            s.setObject(5, utc(now));
            s.setObject(6, utc(expires));
            s.executeUpdate();
          }
          return null;
        });
    setCookie(ctx, token, lifetime.toSeconds());
    return new WebSession(kind, subject, csrf, expires);
  }

  /** The browser's session of this kind, if its cookie names one that has not ended. */
  public Optional<WebSession> current(Context ctx) {
    Optional<String> token = presentedToken(ctx);
    if (token.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return db.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT subject, csrf_token, expires_at FROM web_session"
                      + " WHERE token_hash = ? AND kind = ?")) {
            s.setString(1, sha256(token.get()));
            s.setString(2, kind.name());
            try (ResultSet r = s.executeQuery()) {
              if (!r.next()) {
                return Optional.empty();
              }
              Instant expires = r.getObject(3, OffsetDateTime.class).toInstant();
              if (!expires.isAfter(now)) {
                return Optional.empty();
              }
              return Optional.of(new WebSession(kind, r.getString(1), r.getString(2), expires));
            }
          }
        });
  }

  /** Ends the browser's session (everywhere) and clears its cookie. */
  public void end(Context ctx) {
    presentedToken(ctx)
        .ifPresent(
            token ->
                db.write(
                    c -> {
                      try (PreparedStatement s =
                          c.prepareStatement("DELETE FROM web_session WHERE token_hash = ?")) {
                        s.setString(1, sha256(token));
                        return s.executeUpdate();
                      }
                    }));
    setCookie(ctx, "", 0);
  }

  /** Ends every session of {@code subject}, for example when a manager's access is taken away. */
  public int endAllOf(String subject) {
    return db.write(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM web_session WHERE kind = ? AND subject = ?")) {
            s.setString(1, kind.name());
            s.setString(2, subject);
            return s.executeUpdate();
          }
        });
  }

  /**
   * Whether this request may change something in {@code session}'s name: a safe method, or a
   * changing one with the session's CSRF token and no foreign {@code Origin}.
   */
  public boolean mayChange(Context ctx, WebSession session) {
    if (SAFE.contains(ctx.method())) {
      return true;
    }
    if (!sameOrigin(ctx)) {
      return false;
    }
    String presented = ctx.header(CSRF_HEADER);
    if (presented == null && isForm(ctx)) {
      presented = ctx.formParam(CSRF_FIELD);
    }
    return presented != null
        && MessageDigest.isEqual(
            presented.getBytes(StandardCharsets.US_ASCII),
            session.csrfToken().getBytes(StandardCharsets.US_ASCII));
  }

  /** Like {@link #mayChange} but refuses with 403 and what to do. */
  public void requireMayChange(Context ctx, WebSession session) {
    if (!mayChange(ctx, session)) {
      throw ApiException.forbidden(
          "The request did not carry this page's security token (or came from another site)."
              + " Reload the page and try again.");
    }
  }

  private static boolean isForm(Context ctx) {
    String type = ctx.contentType();
    return type != null
        && (type.startsWith("application/x-www-form-urlencoded")
            || type.startsWith("multipart/form-data"));
  }

  /** An Origin, when sent, must be this server's: scheme, host and port of the request. */
  public static boolean sameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return true;
    }
    String host = ctx.header("Host");
    if (host == null || origin.equals("null")) {
      return false;
    }
    try {
      URI o = URI.create(origin);
      String forwardedProto = ctx.header("X-Forwarded-Proto");
      String scheme = forwardedProto != null ? forwardedProto : ctx.scheme();
      return o.getScheme() != null
          && o.getScheme().equalsIgnoreCase(scheme)
          && o.getRawAuthority() != null
          && o.getRawAuthority().equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Optional<String> presentedToken(Context ctx) {
    String value = ctx.cookie(cookie);
    return value != null && TOKEN.matcher(value).matches() ? Optional.of(value) : Optional.empty();
  }

  private void setCookie(Context ctx, String value, long maxAgeSeconds) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            cookie
                + "="
                + value
                + "; Path=/; Max-Age="
                + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict"
                + (secureCookie ? "; Secure" : ""));
  }

  static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
