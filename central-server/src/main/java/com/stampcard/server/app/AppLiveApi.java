package com.stampcard.server.app;

import com.stampcard.server.db.ServerDatabase;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;

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

  private final AccountStreams streams;
  private final DeviceAuthentication devices;

  public AppLiveApi(ServerDatabase db, AccountStreams streams, Clock clock) {
    this.streams = streams;
    this.devices = new DeviceAuthentication(db, clock);
  }

  public void routes(Javalin app) {
    app.before(PATH, this::authenticate);
    app.sse(PATH, client -> streams.connect(client, client.ctx().attribute(ACCOUNT)));
  }

  private void authenticate(Context ctx) {
    ctx.attribute(ACCOUNT, devices.authenticate(ctx));
  }
}
