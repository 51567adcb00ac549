package com.stampcard.server.enrol;

import static com.stampcard.server.http.Digests.sha256;

import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.sync.EnrolResponse;
import com.stampcard.server.api.EnrolmentCode;
import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.http.ApiException;
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
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tills and their credentials. The back office makes a one-time code for a till at a store; the
 * till trades it for a bearer credential ({@code stc1.<till>.<secret>}) scoped to that store and
 * till. The server keeps only hashes: of the code, and of the credential's 256-bit secret.
 */
public final class Enrolment {
  /** No 0/O, 1/I/L: read off a screen and typed at a till. 12 characters, 60 bits. */
  private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

  private static final Pattern CODE = Pattern.compile("[A-Z2-9]{12}");
  private static final Pattern CREDENTIAL =
      Pattern.compile("stc1\\.([a-z0-9][a-z0-9-]{0,39})\\.([A-Za-z0-9_-]{43})");

  private final ServerDatabase db;
  private final Clock clock;
  private final Duration codeTtl;
  private final SecureRandom random = new SecureRandom();

  public Enrolment(ServerDatabase db, Clock clock, Duration codeTtl) {
    this.db = db;
    this.clock = clock;
    this.codeTtl = codeTtl;
  }

  /** A new one-time code for {@code till} at {@code store}; the store is created if new. */
  public EnrolmentCode newCode(StoreId store, TillId till) {
    StringBuilder raw = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      raw.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
    }
    Instant now = clock.instant();
    Instant expires = now.plus(codeTtl);
    db.write(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("SELECT store_id FROM till WHERE till_id = ? FOR UPDATE")) {
            s.setString(1, till.value());
            try (ResultSet r = s.executeQuery()) {
              if (r.next() && !r.getString(1).equals(store.value())) {
                throw ApiException.conflict(
                    "till-elsewhere",
                    "The till belongs to another store",
                    "Till "
                        + till
                        + " is enrolled at store "
                        + r.getString(1)
                        + ". Pick a new till id for a till at "
                        + store
                        + ".");
              }
            }
          }
          try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM shop_store WHERE id = ?")) {
            s.setString(1, store.value());
            try (ResultSet r = s.executeQuery()) {
              if (!r.next()) {
                try (PreparedStatement insert =
                    c.prepareStatement(
                        "INSERT INTO shop_store (id, name, zone) VALUES (?, ?, 'UTC')")) {
                  insert.setString(1, store.value());
                  insert.setString(2, store.value());
                  insert.executeUpdate();
                }
              }
            }
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO enrolment_code (code_hash, store_id, till_id, created_at,"
                      + " expires_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, sha256(raw.toString()));
            s.setString(2, store.value());
            s.setString(3, till.value());
            s.setObject(4, offset(now));
            s.setObject(5, offset(expires));
            s.executeUpdate();
          }
          return null;
        });
    String shown = raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8);
    return new EnrolmentCode(shown, store.value(), till.value(), expires.toString());
  }

  /**
   * Trades a one-time code for the till's credential. A used, expired or unknown code is refused
   * and changes nothing. Enrolling a till again replaces its credential: the old one stops working.
   */
  public EnrolResponse enrol(String code) {
    String normalized = code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (!CODE.matcher(normalized).matches()) {
      throw ApiException.badRequest(
          "An enrolment code has 12 letters and digits, like ABCD-EFGH-JK23. Check the code the"
              + " back office gave you.");
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    return db.write(
        c -> {
          String store;
          String till;
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT store_id, till_id, expires_at, used_at FROM enrolment_code"
                      + " WHERE code_hash = ? FOR UPDATE")) {
            s.setString(1, sha256(normalized));
            try (ResultSet r = s.executeQuery()) {
              if (!r.next()) {
                throw new ApiException(
                    com.stampcard.core.sync.Problem.of(
                        404,
                        "unknown-enrolment-code",
                        "Unknown enrolment code",
                        "The server knows no such code. Check it, or ask the back office for a"
                            + " new one."));
              }
              if (r.getObject(4) != null) {
                throw ApiException.conflict(
                    "enrolment-code-used",
                    "The enrolment code was used already",
                    "Each code enrols one till once. Ask the back office for a new code.");
              }
              if (!r.getObject(3, OffsetDateTime.class).toInstant().isAfter(now)) {
                throw new ApiException(
                    com.stampcard.core.sync.Problem.of(
                        410,
                        "enrolment-code-expired",
                        "The enrolment code has expired",
                        "Ask the back office for a new code."));
              }
              store = r.getString(1);
              till = r.getString(2);
            }
          }
          try (PreparedStatement s =
              c.prepareStatement("UPDATE enrolment_code SET used_at = ? WHERE code_hash = ?")) {
            s.setObject(1, offset(now));
            s.setString(2, sha256(normalized));
            s.executeUpdate();
          }
          long acked;
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE till SET credential_hash = ?, enrolled_at = ?, revoked_at = NULL"
                      + " WHERE till_id = ?")) {
            s.setString(1, sha256(secretText));
            s.setObject(2, offset(now));
            s.setString(3, till);
            if (s.executeUpdate() == 0) {
              try (PreparedStatement insert =
                  c.prepareStatement(
                      "INSERT INTO till (till_id, store_id, credential_hash, enrolled_at,"
                          + " contiguous_seq) VALUES (?, ?, ?, ?, 0)")) {
                insert.setString(1, till);
                insert.setString(2, store);
                insert.setString(3, sha256(secretText));
                insert.setObject(4, offset(now));
                insert.executeUpdate();
              }
            }
          }
          try (PreparedStatement s =
              c.prepareStatement("SELECT contiguous_seq FROM till WHERE till_id = ?")) {
            s.setString(1, till);
            try (ResultSet r = s.executeQuery()) {
              r.next();
              acked = r.getLong(1);
            }
          }
          return new EnrolResponse(store, till, "stc1." + till + "." + secretText, acked);
        });
  }

  /** The till a bearer credential belongs to; 401 for anything else, or once revoked. */
  public TillPrincipal authenticate(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      throw ApiException.unauthorized(
          "Send the till's credential as 'Authorization: Bearer stc1....'. Enrol the till to get"
              + " one.");
    }
    var m = CREDENTIAL.matcher(authorization.substring("Bearer ".length()).strip());
    if (!m.matches()) {
      throw ApiException.unauthorized(
          "The credential is not a Stampcard till credential. Enrol the till again.");
    }
    String till = m.group(1);
    byte[] presented = sha256(m.group(2)).getBytes(StandardCharsets.US_ASCII);
    return db.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT store_id, credential_hash, revoked_at FROM till WHERE till_id = ?")) {
            s.setString(1, till);
            try (ResultSet r = s.executeQuery()) {
              if (!r.next()
                  || r.getString(2) == null
                  || !MessageDigest.isEqual(
                      presented, r.getString(2).getBytes(StandardCharsets.US_ASCII))) {
                throw ApiException.unauthorized(
                    "The credential is not valid (replaced by a newer enrolment?). Enrol the till"
                        + " again.");
              }
              if (r.getObject(3) != null) {
                throw ApiException.unauthorized(
                    "Till "
                        + till
                        + " was revoked by the back office. Ask for a new enrolment code.");
              }
              return new TillPrincipal(new StoreId(r.getString(1)), new TillId(till));
            }
          }
        });
  }

  /** Revokes the till: its credential is refused from now on. */
  public void revoke(TillId till) {
    int changed =
        db.write(
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement(
                      "UPDATE till SET revoked_at = ? WHERE till_id = ? AND revoked_at IS NULL")) {
                s.setObject(1, offset(clock.instant()));
                s.setString(2, till.value());
                return s.executeUpdate();
              }
            });
    if (changed == 0) {
      throw ApiException.notFound("No enrolled, unrevoked till " + till + ".");
    }
  }

  /** Saves a store's name and time zone, creating it if new. */
  public void saveStore(StoreId store, String name, String zone) {
    db.write(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("UPDATE shop_store SET name = ?, zone = ? WHERE id = ?")) {
            s.setString(1, name);
            s.setString(2, zone);
            s.setString(3, store.value());
            if (s.executeUpdate() == 0) {
              try (PreparedStatement insert =
                  c.prepareStatement("INSERT INTO shop_store (id, name, zone) VALUES (?, ?, ?)")) {
                insert.setString(1, store.value());
                insert.setString(2, name);
                insert.setString(3, zone);
                insert.executeUpdate();
              }
            }
          }
          return null;
        });
  }

  private static OffsetDateTime offset(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
