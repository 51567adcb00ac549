package com.stampcard.server.app;

import com.stampcard.core.code.DevicePublicKey;
import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.http.ApiException;
import com.stampcard.store.sync.LedgerSql;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The customer app's live view of its account: {@code GET /api/v1/app/accounts/{account}/live},
 * server-sent events named {@code balances} (an {@link AppBalances}) now and after every change.
 *
 * <p>The app proves it is a device of that account with a {@link DeviceTicket} signed by the key of
 * its APP_DEVICE identifier, in {@code Authorization: Stampcard-Device <ticket>} or, for a browser
 * {@code EventSource} that can't set headers, in {@code ?ticket=}. A ticket is good for about a
 * minute; an app reconnecting after that makes a new one. The device must be linked to the account
 * (or to the account it was merged into) and not revoked.
 */
public final class AppLiveApi {
  static final String PATH = "/api/v1/app/accounts/{account}/live";
  private static final String ACCOUNT = "stampcard.app.account";

  private final ServerDatabase db;
  private final AccountStreams streams;
  private final Clock clock;

  public AppLiveApi(ServerDatabase db, AccountStreams streams, Clock clock) {
    this.db = db;
    this.streams = streams;
    this.clock = clock;
  }

  public void routes(Javalin app) {
    app.before(PATH, this::authenticate);
    app.sse(PATH, client -> streams.connect(client, client.ctx().attribute(ACCOUNT)));
  }

  private void authenticate(Context ctx) {
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
    if (!deviceOf(ticket)) {
      throw ApiException.unauthorized(
          "This device is not linked to the account, was revoked, or did not sign the ticket."
              + " Open the app again so it links itself at the next stamp.");
    }
    ctx.attribute(ACCOUNT, account);
  }

  /** Whether the ticket's device is linked to its account (after merges) and signed it. */
  private boolean deviceOf(DeviceTicket ticket) {
    return db.read(
        c -> {
          UUID linkedTo;
          String key;
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT account_id, public_key, revoked_at FROM identifier"
                      + " WHERE kind = 'APP_DEVICE' AND id_value = ?")) {
            s.setString(1, ticket.device().hex());
            try (ResultSet r = s.executeQuery()) {
              if (!r.next() || r.getObject(3) != null || r.getString(2) == null) {
                return false;
              }
              linkedTo = r.getObject(1, UUID.class);
              key = r.getString(2);
            }
          }
          if (!LedgerSql.root(c, linkedTo).equals(LedgerSql.root(c, ticket.account()))) {
            return false;
          }
          DevicePublicKey publicKey;
          try {
            publicKey = DevicePublicKey.fromUncompressed(HexFormat.of().parseHex(key));
          } catch (IllegalArgumentException e) {
            return false;
          }
          return ticket.signedBy(publicKey);
        });
  }
}
