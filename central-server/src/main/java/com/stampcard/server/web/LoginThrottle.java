package com.stampcard.server.web;

import com.stampcard.server.db.ServerDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Slows down guessing at web logins: after {@code perAccount} failed logins for one account, or
 * {@code perAddress} from one client address, within {@code window}, further attempts are refused
 * until the oldest failure leaves the window. Failures are rows in the database, so the limit holds
 * across server instances. A good login clears its account's failures.
 *
 * <p>Check {@link #retryAfter} before looking at the credential at all: a refused attempt costs no
 * hash and says nothing about whether the password was right.
 */
public final class LoginThrottle {
  private final ServerDatabase db;
  private final Clock clock;
  private final SessionKind kind;
  private final int perAccount;
  private final int perAddress;
  private final Duration window;

  public LoginThrottle(
      ServerDatabase db,
      Clock clock,
      SessionKind kind,
      int perAccount,
      int perAddress,
      Duration window) {
    if (perAccount < 1 || perAddress < 1) {
      throw new IllegalArgumentException("allow at least one attempt");
    }
    this.db = db;
    this.clock = clock;
    this.kind = kind;
    this.perAccount = perAccount;
    this.perAddress = perAddress;
    this.window = window;
  }

  /** How long until {@code account} may try again from {@code address}; empty: now. */
  public Optional<Duration> retryAfter(String account, String address) {
    Instant now = clock.instant();
    Instant since = now.minus(window);
    return db.read(
        c -> {
          Optional<Instant> a = blockedUntil(c, accountScope(account), perAccount, since);
          Optional<Instant> b = blockedUntil(c, addressScope(address), perAddress, since);
          Instant until = null;
          for (Optional<Instant> o : java.util.List.of(a, b)) {
            if (o.isPresent() && (until == null || o.get().isAfter(until))) {
              until = o.get();
            }
          }
          if (until == null || !until.isAfter(now)) {
            return Optional.empty();
          }
          return Optional.of(Duration.between(now, until));
        });
  }

  private Optional<Instant> blockedUntil(
      java.sql.Connection c, String scope, int limit, Instant since) throws java.sql.SQLException {
    // the limit-th newest failure in the window: once it leaves the window, one more try is allowed
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT failed_at FROM login_failure WHERE scope = ? AND failed_at > ?"
                + " ORDER BY failed_at DESC")) {
      s.setString(1, scope);
      s.setObject(2, utc(since));
      try (ResultSet r = s.executeQuery()) {
        int n = 0;
        while (r.next()) {
          n++;
          if (n == limit) {
            return Optional.of(r.getObject(1, OffsetDateTime.class).toInstant().plus(window));
          }
        }
        return Optional.empty();
      }
    }
  }

  /** Records a failed login for {@code account} from {@code address}. */
  public void failed(String account, String address) {
    Instant now = clock.instant();
    db.write(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM login_failure WHERE failed_at <= ?")) {
            s.setObject(1, utc(now.minus(window)));
            s.executeUpdate();
          }
          try (PreparedStatement s =
              c.prepareStatement("INSERT INTO login_failure (scope, failed_at) VALUES (?, ?)")) {
            for (String scope : new String[] {accountScope(account), addressScope(address)}) {
              s.setString(1, scope);
              s.setObject(2, utc(now));
              s.addBatch();
            }
            s.executeBatch();
          }
          return null;
        });
  }

  /** A good login: the account's failures are forgotten (the address's are not). */
  public void succeeded(String account) {
    db.write(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM login_failure WHERE scope = ?")) {
            s.setString(1, accountScope(account));
            return s.executeUpdate();
          }
        });
  }

  private String accountScope(String account) {
    return kind + ":account:" + limit(account);
  }

  private String addressScope(String address) {
    return kind + ":address:" + limit(address);
  }

  private static String limit(String text) {
    String t = text == null ? "" : text;
    return t.length() > 200 ? t.substring(0, 200) : t;
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
