package com.stampcard.server.customer;

import static com.stampcard.server.http.Digests.sha256;

import com.stampcard.core.code.DevicePublicKey;
import com.stampcard.server.app.AppDevices;
import com.stampcard.server.db.ServerDatabase;
import com.stampcard.store.sync.LedgerSql;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Customers' optional logins: registering an e-mail address and password for the phone's account,
 * confirming the address, logging in on a new phone, a new password by e-mail, the data export and
 * erasure. Answers never tell whether an address is registered; the e-mail does.
 */
public final class CustomerAccounts {
  static final Duration VERIFY_TTL = Duration.ofDays(3);
  static final Duration RESET_TTL = Duration.ofHours(1);
  static final int SHORTEST_PASSWORD = 10;

  private final ServerDatabase db;
  private final AppDevices devices;
  private final Outbox outbox;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  // compared against when the address is unknown, so a login takes as long either way
  private final String decoy;

  public CustomerAccounts(
      ServerDatabase db, AppDevices devices, Outbox outbox, PasswordHasher hasher, Clock clock) {
    this.db = db;
    this.devices = devices;
    this.outbox = outbox;
    this.hasher = hasher;
    this.clock = clock;
    this.decoy = hasher.hash("not a password of anyone's");
  }

  /** An address as stored: trimmed, lower case; empty if it does not look like one. */
  public static Optional<String> normalise(String email) {
    if (email == null) {
      return Optional.empty();
    }
    String e = email.strip().toLowerCase(Locale.ROOT);
    return e.length() <= 320 && e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
        ? Optional.of(e)
        : Optional.empty();
  }

  public static boolean acceptablePassword(String password) {
    return password != null && password.length() >= SHORTEST_PASSWORD && password.length() <= 200;
  }

  /**
   * Registers {@code email} and {@code password} for the account of the phone that proved its key.
   * A new address gets a confirmation link; one already registered gets a note saying so (the
   * caller answers the same either way).
   */
  public void register(String email, String password, DevicePublicKey phone, String appUrl) {
    UUID account =
        devices
            .accountOf(phone)
            .orElseThrow(
                () ->
                    com.stampcard.server.http.ApiException.conflict(
                        "phone-not-registered",
                        "This phone is not known to the server yet",
                        "Open the app while online once, then register."));
    Optional<String> token =
        db.write(
            c -> {
              if (loginOf(c, email).isPresent() || loginFor(c, account).isPresent()) {
                return Optional.<String>empty();
              }
              try (PreparedStatement s =
                  c.prepareStatement(
                      "INSERT INTO customer_login (account_id, email, password_hash, created_at)"
                          + " VALUES (?, ?, ?, ?)")) {
                s.setObject(1, account);
                s.setString(2, email);
                s.setString(3, hasher.hash(password));
                s.setObject(4, LedgerSql.offset(clock.instant()));
                s.executeUpdate();
              }
              return Optional.of(newToken(c, account, "VERIFY", VERIFY_TTL));
            });
    if (token.isPresent()) {
      outbox.send(
          new Outbox.Mail(
              email,
              "Stampcard: confirm your e-mail address",
              "Open this link to confirm the address for your Stampcard cards:\n"
                  + appUrl
                  + "#verify="
                  + token.get()
                  + "\n\nThe link works for 3 days. If you did not register, ignore this message."));
    } else {
      outbox.send(
          new Outbox.Mail(
              email,
              "Stampcard: you already have an account",
              "Someone (you?) tried to register this address again. Log in in the app instead;"
                  + " if you forgot the password, ask for a new one there: "
                  + appUrl));
    }
  }

  /** The account of {@code email} if {@code password} is right. */
  public Optional<UUID> authenticate(String email, String password) {
    Optional<String[]> login = db.read(c -> loginOf(c, email));
    if (login.isEmpty()) {
      hasher.matches(password, decoy);
      return Optional.empty();
    }
    return hasher.matches(password, login.get()[1])
        ? Optional.of(UUID.fromString(login.get()[0]))
        : Optional.empty();
  }

  /** Adds the phone to the account; its own anonymous cards join the account's. */
  public AppDevices.Registration joinPhone(UUID account, DevicePublicKey phone) {
    Set<UUID> registered = db.read(CustomerAccounts::registeredAccounts);
    registered.remove(account);
    return devices.join(account, phone, registered);
  }

  /** Confirms the address of the link's token. */
  public boolean verify(String token) {
    return db.write(
        c -> {
          Optional<UUID> account = spend(c, token, "VERIFY");
          if (account.isEmpty()) {
            return false;
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE customer_login SET email_verified_at = ? WHERE account_id = ?")) {
            s.setObject(1, LedgerSql.offset(clock.instant()));
            s.setObject(2, account.get());
            s.executeUpdate();
          }
          return true;
        });
  }

  /** Sends a link to set a new password, if the address is registered; silent otherwise. */
  public void requestReset(String email, String appUrl) {
    Optional<String> token =
        db.write(
            c -> {
              Optional<String[]> login = loginOf(c, email);
              if (login.isEmpty()) {
                return Optional.<String>empty();
              }
              return Optional.of(newToken(c, UUID.fromString(login.get()[0]), "RESET", RESET_TTL));
            });
    token.ifPresent(
        t ->
            outbox.send(
                new Outbox.Mail(
                    email,
                    "Stampcard: a new password",
                    "Open this link to choose a new password (it works for an hour):\n"
                        + appUrl
                        + "#reset="
                        + t
                        + "\n\nIf you did not ask for this, ignore this message.")));
  }

  /** Sets a new password with a reset link's token; answers the account, or empty. */
  public Optional<UUID> reset(String token, String password) {
    return db.write(
        c -> {
          Optional<UUID> account = spend(c, token, "RESET");
          if (account.isPresent()) {
            try (PreparedStatement s =
                c.prepareStatement(
                    "UPDATE customer_login SET password_hash = ?, email_verified_at ="
                        + " COALESCE(email_verified_at, ?) WHERE account_id = ?")) {
              s.setString(1, hasher.hash(password));
              s.setObject(2, LedgerSql.offset(clock.instant()));
              s.setObject(3, account.get());
              s.executeUpdate();
            }
          }
          return account;
        });
  }

  /** The login's address and whether it is confirmed, for the app's account panel. */
  public Optional<Map<String, Object>> profile(UUID account) {
    return db.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT email, email_verified_at FROM customer_login WHERE account_id = ?")) {
            s.setObject(1, account);
            try (ResultSet r = s.executeQuery()) {
              if (!r.next()) {
                return Optional.<Map<String, Object>>empty();
              }
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("email", r.getString(1));
              out.put("email_verified", r.getObject(2) != null);
              return Optional.of(out);
            }
          }
        });
  }

  /** Everything the server holds about the account, for the customer to download. */
  public Map<String, Object> export(UUID root) {
    return db.read(
        c -> {
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("exported_at", clock.instant().toString());
          out.put("account_id", root.toString());
          List<UUID> accounts = accountsOf(c, root);
          out.put(
              "accounts",
              rows(
                  c,
                  "SELECT id, created_at, created_store, status, merged_into FROM account WHERE id IN ("
                      + LedgerSql.marks(accounts.size())
                      + ")",
                  accounts));
          out.put(
              "login",
              rows(
                  c,
                  "SELECT email, email_verified_at, created_at FROM customer_login WHERE account_id = ?",
                  List.of(root)));
          out.put(
              "identifiers",
              rows(
                  c,
                  "SELECT kind, id_value, account_id, linked_at, revoked_at FROM identifier WHERE account_id IN ("
                      + LedgerSql.marks(accounts.size())
                      + ")",
                  accounts));
          out.put(
              "balances",
              rows(
                  c,
                  "SELECT program_id, units, events, last_earned_at, last_spent_at FROM balance WHERE account_id = ?",
                  List.of(root)));
          out.put(
              "events",
              rows(
                  c,
                  "SELECT event_id, account_id, program_id, program_version, type, quantity, store_id, till_id, occurred_at, input_method, ref_event_id, reason FROM ledger_event WHERE account_id IN ("
                      + LedgerSql.marks(accounts.size())
                      + ") ORDER BY hlc",
                  accounts));
          return out;
        });
  }

  /**
   * Erases the account as ARCHITECTURE.md says: the login (address, password, links) and every
   * identifier go; the account is marked ERASED and its events stay, anonymous, so the books still
   * add up. Tills learn it at their next pull and refuse the account's codes.
   */
  public void erase(UUID root) {
    db.write(
        c -> {
          db.lockMerges(c, true);
          List<UUID> accounts = accountsOf(c, root);
          for (String sql :
              List.of(
                  "DELETE FROM customer_token WHERE account_id = ?",
                  "DELETE FROM customer_login WHERE account_id = ?")) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
              s.setObject(1, root);
              s.executeUpdate();
            }
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "DELETE FROM identifier WHERE account_id IN ("
                      + LedgerSql.marks(accounts.size())
                      + ")")) {
            LedgerSql.bindAll(s, 1, accounts);
            s.executeUpdate();
          }
          try (PreparedStatement s =
              c.prepareStatement("UPDATE account SET status = 'ERASED' WHERE id = ?")) {
            s.setObject(1, root);
            s.executeUpdate();
          }
          try (PreparedStatement s =
              c.prepareStatement("INSERT INTO change_feed (kind, ref) VALUES ('ACCOUNT', ?)")) {
            for (UUID a : accounts) {
              s.setString(1, a.toString());
              s.addBatch();
            }
            s.executeBatch();
          }
          return null;
        });
  }

  /** The root and the accounts merged into it (one level: merges point at the root they joined). */
  private static List<UUID> accountsOf(Connection c, UUID root) throws SQLException {
    List<UUID> out = new ArrayList<>(List.of(root));
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM account WHERE merged_into = ?")) {
      s.setObject(1, root);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(r.getObject(1, UUID.class));
        }
      }
    }
    return out;
  }

  private static List<Map<String, Object>> rows(Connection c, String sql, List<?> values)
      throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      LedgerSql.bindAll(s, 1, values);
      try (ResultSet r = s.executeQuery()) {
        int n = r.getMetaData().getColumnCount();
        while (r.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= n; i++) {
            Object v = r.getObject(i);
            row.put(
                r.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT),
                v == null ? null : v.toString());
          }
          out.add(row);
        }
      }
    }
    return out;
  }

  private static Set<UUID> registeredAccounts(Connection c) throws SQLException {
    Set<UUID> out = new HashSet<>();
    try (PreparedStatement s = c.prepareStatement("SELECT account_id FROM customer_login");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(r.getObject(1, UUID.class));
      }
    }
    return out;
  }

  /** account id and password hash of the address. */
  private static Optional<String[]> loginOf(Connection c, String email) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT account_id, password_hash FROM customer_login WHERE email = ?")) {
      s.setString(1, email);
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? Optional.of(new String[] {r.getObject(1, UUID.class).toString(), r.getString(2)})
            : Optional.empty();
      }
    }
  }

  private static Optional<String> loginFor(Connection c, UUID account) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT email FROM customer_login WHERE account_id = ?")) {
      s.setObject(1, account);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    }
  }

  private String newToken(Connection c, UUID account, String purpose, Duration ttl)
      throws SQLException {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO customer_token (token_hash, account_id, purpose, expires_at)"
                + " VALUES (?, ?, ?, ?)")) {
      s.setString(1, sha256(token));
      s.setObject(2, account);
      s.setString(3, purpose);
      s.setObject(4, LedgerSql.offset(clock.instant().plus(ttl)));
      s.executeUpdate();
    }
    return token;
  }

  /** Uses up a link's token: answers its account if it is good, and deletes it either way. */
  private Optional<UUID> spend(Connection c, String token, String purpose) throws SQLException {
    if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
      return Optional.empty();
    }
    String hash = sha256(token);
    Optional<UUID> account = Optional.empty();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT account_id, expires_at FROM customer_token WHERE token_hash = ?"
                + " AND purpose = ?")) {
      s.setString(1, hash);
      s.setString(2, purpose);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          Instant expires = LedgerSql.instant(r, 2);
          if (expires.isAfter(clock.instant())) {
            account = Optional.of(r.getObject(1, UUID.class));
          }
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM customer_token WHERE token_hash = ?")) {
      s.setString(1, hash);
      s.executeUpdate();
    }
    return account;
  }
}
