package com.stampcard.server.app;

import com.stampcard.core.code.AppCode;
import com.stampcard.core.code.AppCodeVerifier;
import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.CustomerCodes;
import com.stampcard.core.code.DevicePublicKey;
import com.stampcard.core.code.PrintedCard;
import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.http.ApiException;
import com.stampcard.server.sync.ChangeSignal;
import com.stampcard.store.sync.LedgerSql;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Customers' phones on the server: registering one (its account and APP_DEVICE identifier, and a
 * static customer number for 1D scanners), and what an account's phones may read. Every change
 * writes an ACCOUNT row to the change feed, so tills pull the account with its identifiers.
 */
public final class AppDevices {
  /** The store an account opened by the app (not at a till) is recorded at. */
  static final String APP_STORE = "app";

  /** Customer numbers for app accounts are printed-card serials from here up. */
  static final long FIRST_APP_SERIAL = 5_000_000_000L;

  private final ServerDatabase db;
  private final ChangeSignal signal;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public AppDevices(ServerDatabase db, ChangeSignal signal, Clock clock) {
    this.db = db;
    this.signal = signal;
    this.clock = clock;
  }

  /**
   * What the phone learns when it registers.
   *
   * @param accountId the account the phone's codes name from now on (after merges and logins)
   * @param deviceKeyId the phone's key id
   * @param customerNumber the account's static number, for a 1D scanner (Code128)
   */
  public record Registration(UUID accountId, String deviceKeyId, String customerNumber) {}

  /**
   * Links a phone's key to the account it proposed, opening the account if new. Idempotent: a phone
   * already linked gets the account it is linked to (a login may have moved it).
   *
   * @throws ApiException 403 for a phone removed from its account, 409 for an account id that
   *     belongs to other phones
   */
  public Registration register(UUID proposed, DevicePublicKey key) {
    Registration r =
        db.write(
            c -> {
              db.lockMerges(c, false);
              String keyId = key.keyId().hex();
              Optional<Linked> linked = linked(c, keyId);
              UUID account;
              if (linked.isPresent()) {
                if (linked.get().revoked()) {
                  throw ApiException.forbidden(
                          "This phone was removed from its account. Log in again to add it back, or"
                              + " clear the app's data to start a new card.")
                      .withMessageKey("app.phone-removed");
                }
                account = LedgerSql.root(c, linked.get().account());
              } else {
                if (accountExists(c, proposed)) {
                  throw ApiException.conflict(
                          "account-taken",
                          "The account belongs to other phones",
                          "Log in to add this phone to your account, or clear the app's data to start"
                              + " a new card.")
                      .withMessageKey("app.account-taken");
                }
                insertAccount(c, proposed);
                insertIdentifier(
                    c, "APP_DEVICE", keyId, proposed, HexFormat.of().formatHex(key.uncompressed()));
                account = proposed;
              }
              String number = customerNumber(c, account);
              feed(c, account);
              return new Registration(account, keyId, number);
            });
    signal.changed();
    return r;
  }

  /** A phone that proved it holds its key: the first-use code it showed, checked. */
  public record Proof(AppCode code, DevicePublicKey key) {}

  /**
   * Checks the first-use code a phone sends to prove it holds its key: signature and time window.
   * Spends no (device, step) slot: the same code still works at a till.
   *
   * @throws ApiException 400 if it is not a first-use app code, 401 if it does not hold
   */
  public Proof prove(String digits) {
    CodeReading reading = CustomerCodes.fromText(digits == null ? "" : digits);
    if (!(reading instanceof CodeReading.Recognised r)
        || !(r.code() instanceof AppCode code)
        || code.form() != AppCode.Form.FIRST_USE) {
      throw ApiException.badRequest(
              "Send the app's first-use code as {\"code\": \"92…\"} (325 digits) to register a"
                  + " phone.")
          .withMessageKey("app.code-invalid");
    }
    AppCodeVerifier verifier = new AppCodeVerifier(clock, (device, step) -> true);
    if (!(verifier.verify(code, Optional.empty()) instanceof AppCodeVerifier.Verdict.Valid v)) {
      throw ApiException.unauthorized(
              "The code's signature or time does not hold: check the phone's clock and open the app"
                  + " again.")
          .withMessageKey("app.code-clock");
    }
    return new Proof(code, v.key());
  }

  /**
   * Adds a phone to {@code account} after a login: a phone the server has not seen is linked to it;
   * a phone with cards of its own (an anonymous account) has that account merged into it, so every
   * card is in one place.
   *
   * @throws ApiException 403 for a phone removed from an account, 409 for a phone that belongs to
   *     another registered account
   */
  public Registration join(UUID account, DevicePublicKey key, Set<UUID> registered) {
    Registration r =
        db.write(
            c -> {
              db.lockMerges(c, true);
              UUID root = LedgerSql.root(c, account);
              String keyId = key.keyId().hex();
              Optional<Linked> linked = linked(c, keyId);
              if (linked.isPresent()) {
                if (linked.get().revoked()) {
                  throw ApiException.forbidden(
                          "This phone was removed from its account. Clear the app's data (it makes a"
                              + " new key) and log in again.")
                      .withMessageKey("app.phone-removed");
                }
                UUID phoneRoot = LedgerSql.root(c, linked.get().account());
                if (!phoneRoot.equals(root)) {
                  if (registered.contains(phoneRoot)) {
                    throw ApiException.conflict(
                            "phone-registered",
                            "This phone belongs to another registered account",
                            "Log out of the other account on this phone first.")
                        .withMessageKey("app.phone-registered");
                  }
                  LedgerSql.merge(c, phoneRoot, root);
                  feed(c, phoneRoot);
                }
              } else {
                insertIdentifier(
                    c, "APP_DEVICE", keyId, root, HexFormat.of().formatHex(key.uncompressed()));
              }
              String number = customerNumber(c, root);
              feed(c, root);
              return new Registration(root, keyId, number);
            });
    signal.changed();
    return r;
  }

  /** The account's root (itself, or the account it was merged into). */
  public UUID root(UUID account) {
    return db.read(c -> LedgerSql.root(c, account));
  }

  /** The root of the account this phone is linked to, if it is linked and not removed. */
  public Optional<UUID> accountOf(DevicePublicKey key) {
    return db.read(
        c -> {
          Optional<Linked> l = linked(c, key.keyId().hex());
          return l.isPresent() && !l.get().revoked()
              ? Optional.of(LedgerSql.root(c, l.get().account()))
              : Optional.<UUID>empty();
        });
  }

  /** A phone of an account, as its owner sees it in the list of phones. */
  public record Device(String deviceKeyId, String linkedAt, String revokedAt) {}

  /** The account's phones, removed ones too, oldest first. */
  public List<Device> devices(UUID root) {
    return db.read(
        c -> {
          List<Device> out = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT id_value, linked_at, revoked_at FROM identifier"
                      + " WHERE kind = 'APP_DEVICE' AND account_id = ? ORDER BY linked_at")) {
            s.setObject(1, root);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                out.add(
                    new Device(
                        r.getString(1),
                        LedgerSql.instant(r, 2).toString(),
                        r.getObject(3) == null ? null : LedgerSql.instant(r, 3).toString()));
              }
            }
          }
          return out;
        });
  }

  /**
   * Removes a phone from the account (a lost phone): its identifier is revoked, and tills refuse
   * its codes once they have pulled the account. Answers whether it was a phone of the account.
   */
  public boolean revoke(UUID root, String deviceKeyId) {
    boolean done =
        db.write(
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement(
                      "UPDATE identifier SET revoked_at = ? WHERE kind = 'APP_DEVICE'"
                          + " AND id_value = ? AND account_id = ? AND revoked_at IS NULL")) {
                s.setObject(1, LedgerSql.offset(clock.instant()));
                s.setString(2, deviceKeyId);
                s.setObject(3, root);
                if (s.executeUpdate() == 0) {
                  return false;
                }
              }
              feed(c, root);
              return true;
            });
    if (done) {
      signal.changed();
    }
    return done;
  }

  /** What the server holds of a phone's key: its account and whether it was removed. */
  record Linked(UUID account, boolean revoked) {}

  static Optional<Linked> linked(Connection c, String keyId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT account_id, revoked_at FROM identifier WHERE kind = 'APP_DEVICE'"
                + " AND id_value = ?")) {
      s.setString(1, keyId);
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? Optional.of(new Linked(r.getObject(1, UUID.class), r.getObject(2) != null))
            : Optional.empty();
      }
    }
  }

  private static boolean accountExists(Connection c, UUID account) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM account WHERE id = ?")) {
      s.setObject(1, account);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  private void insertAccount(Connection c, UUID account) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO account (id, created_at, created_store, status) VALUES (?, ?, ?,"
                + " 'ACTIVE')")) {
      s.setObject(1, account);
      s.setObject(2, LedgerSql.offset(clock.instant()));
      s.setString(3, APP_STORE);
      s.executeUpdate();
    }
  }

  void insertIdentifier(Connection c, String kind, String value, UUID account, String publicKey)
      throws SQLException {
    LedgerSql.insertIdentifier(c, kind, value, account, publicKey, clock.instant(), null);
  }

  /** The account's printed-card number; an app account without one gets a new one. */
  private String customerNumber(Connection c, UUID account) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id_value FROM identifier WHERE kind = 'PRINTED_CARD' AND account_id = ?"
                + " AND revoked_at IS NULL ORDER BY linked_at, id_value")) {
      s.setObject(1, account);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          return r.getString(1);
        }
      }
    }
    for (int attempt = 0; ; attempt++) {
      long serial =
          FIRST_APP_SERIAL + random.nextLong(PrintedCard.MAX_SERIAL - FIRST_APP_SERIAL + 1);
      String number = PrintedCard.fromSerial(serial).number();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT 1 FROM identifier WHERE kind = 'PRINTED_CARD' AND id_value = ?")) {
        s.setString(1, number);
        try (ResultSet r = s.executeQuery()) {
          if (r.next() && attempt < 20) {
            continue;
          }
        }
      }
      insertIdentifier(c, "PRINTED_CARD", number, account, null);
      return number;
    }
  }

  /** Tells pulling tills (and the account's live apps) that this account changed. */
  static void feed(Connection c, UUID account) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO change_feed (kind, ref) VALUES ('ACCOUNT', ?)")) {
      s.setString(1, account.toString());
      s.executeUpdate();
    }
  }

  /** One event as the app's history shows it. */
  public record HistoryEntry(
      String programId, String type, long quantity, String storeId, String occurredAt) {}

  /** The newest events of the account and of the accounts merged into it, newest first. */
  public List<HistoryEntry> history(UUID account, int limit) {
    return db.read(
        c -> {
          UUID root = LedgerSql.root(c, account);
          List<HistoryEntry> out = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT program_id, type, quantity, store_id, occurred_at FROM ledger_event"
                      + " WHERE account_id = ? OR account_id IN"
                      + " (SELECT id FROM account WHERE merged_into = ?)"
                      + " ORDER BY hlc DESC FETCH FIRST "
                      + limit
                      + " ROWS ONLY")) {
            s.setObject(1, root);
            s.setObject(2, root);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                out.add(
                    new HistoryEntry(
                        r.getString(1),
                        r.getString(2),
                        r.getLong(3),
                        r.getString(4),
                        LedgerSql.instant(r, 5).toString()));
              }
            }
          }
          return out;
        });
  }
}
