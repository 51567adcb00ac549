package com.stampcard.server.app;

import com.stampcard.core.code.DevicePublicKey;
import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.http.ApiException;
import com.stampcard.store.sync.LedgerSql;
import io.javalin.http.Context;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Checks that a request about {@code /accounts/{account}} comes from a phone of that account: a
 * {@link DeviceTicket} in {@code Authorization: Stampcard-Device <ticket>} or {@code ?ticket=},
 * fresh, signed by the key of an APP_DEVICE identifier linked (not revoked) to the account or to
 * the account it was merged into.
 */
public final class DeviceAuthentication {
  private final ServerDatabase db;
  private final Clock clock;

  public DeviceAuthentication(ServerDatabase db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * The account of the {@code {account}} path parameter, once the request's ticket proves it comes
   * from a device of that account.
   *
   * @throws ApiException 404 for a malformed account id, 401 for a missing, stale, foreign or
   *     forged ticket, 403 (message key {@code app.phone-removed}) for a ticket signed by a phone
   *     removed from its account
   */
  public UUID authenticate(Context ctx) {
    UUID account;
    try {
      account = UUID.fromString(ctx.pathParam("account"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("'" + ctx.pathParam("account") + "' is not an account id.");
    }
    String header = ctx.header("Authorization");
    String text =
        header != null && header.startsWith("Stampcard-Device ")
            ? header.substring("Stampcard-Device ".length())
            : ctx.queryParam("ticket");
    if (text == null) {
      throw ApiException.unauthorized(
          "Send a device ticket, as 'Authorization: Stampcard-Device <ticket>' or ?ticket=<ticket>,"
              + " signed with the app's device key.");
    }
    DeviceTicket ticket =
        DeviceTicket.parse(text)
            .orElseThrow(
                () ->
                    ApiException.unauthorized(
                        "The ticket is not a Stampcard device ticket (version 1, 135 characters"
                            + " of base64url)."));
    if (!ticket.account().equals(account)) {
      throw ApiException.unauthorized("The ticket is for another account. Make one for this one.");
    }
    if (!ticket.freshAt(clock.instant())) {
      throw ApiException.unauthorized(
          "The ticket's time step is outside the minute around now: make a new ticket (and check"
              + " the phone's clock).");
    }
    Link link = deviceOf(ticket);
    if (link == Link.REMOVED) {
      throw ApiException.forbidden(
              "This phone was removed from its account. Clear the app's data (it makes a new key)"
                  + " and log in again.")
          .withMessageKey("app.phone-removed");
    }
    if (link != Link.LINKED) {
      throw ApiException.unauthorized(
          "This device is not linked to the account, was revoked, or did not sign the ticket."
              + " Open the app again so it links itself at the next stamp.");
    }
    return account;
  }

  /** How the ticket's device stands to its account. */
  private enum Link {
    /** Linked to the ticket's account (after merges), and it signed the ticket. */
    LINKED,
    /** Removed from its account, and the ticket is signed by its own key. */
    REMOVED,
    /** Anything else: unknown, another account's, or not signed by it. */
    NONE
  }

  /**
   * Whether the ticket's device is linked to its account (after merges) and signed it; a removed
   * phone is told so only when it proves it holds the removed key.
   */
  private Link deviceOf(DeviceTicket ticket) {
    return db.read(
        c -> {
          UUID linkedTo;
          String key;
          boolean revoked;
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT account_id, public_key, revoked_at FROM identifier"
                      + " WHERE kind = 'APP_DEVICE' AND id_value = ?")) {
            s.setString(1, ticket.device().hex());
            try (ResultSet r = s.executeQuery()) {
              if (!r.next() || r.getString(2) == null) {
                return Link.NONE;
              }
              linkedTo = r.getObject(1, UUID.class);
              key = r.getString(2);
              revoked = r.getObject(3) != null;
            }
          }
          DevicePublicKey publicKey;
          try {
            publicKey = DevicePublicKey.fromUncompressed(HexFormat.of().parseHex(key));
          } catch (IllegalArgumentException e) {
            return Link.NONE;
          }
          if (!ticket.signedBy(publicKey)) {
            return Link.NONE;
          }
          if (revoked) {
            return Link.REMOVED;
          }
          return LedgerSql.root(c, linkedTo).equals(LedgerSql.root(c, ticket.account()))
              ? Link.LINKED
              : Link.NONE;
        });
  }
}
