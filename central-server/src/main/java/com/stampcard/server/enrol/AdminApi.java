package com.stampcard.server.enrol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.server.api.NewEnrolmentCode;
import com.stampcard.server.http.ApiException;
import com.stampcard.server.http.Bodies;
import com.stampcard.server.http.Fields;
import com.stampcard.server.http.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneId;

/**
 * The back office's part of enrolment (v1): one-time codes, revocation, stores. Guarded by the
 * admin token from the configuration; with no token configured these routes answer 404.
 */
public final class AdminApi {
  private final Enrolment enrolment;
  private final ObjectMapper json;
  private final String token;
  private final long maxBody;

  public AdminApi(Enrolment enrolment, ObjectMapper json, String token, long maxBody) {
    this.enrolment = enrolment;
    this.json = json;
    this.token = token;
    this.maxBody = maxBody;
  }

  /** A store's name and time zone. */
  public record StoreDetails(String name, String zone) {}

  public void routes(Javalin app) {
    app.before("/api/v1/admin/*", this::authenticate);
    app.post("/api/v1/admin/enrolment-codes", this::newCode);
    app.post("/api/v1/admin/tills/{till}/revoke", this::revoke);
    app.put("/api/v1/admin/stores/{store}", this::saveStore);
  }

  private void authenticate(Context ctx) {
    if (token.isEmpty()) {
      throw ApiException.notFound(
          "The back-office API is off: set admin.token in the server's configuration.");
    }
    String header = ctx.header("Authorization");
    byte[] presented = (header == null ? "" : header).getBytes(StandardCharsets.UTF_8);
    byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(presented, expected)) {
      throw ApiException.unauthorized("Send the back office's admin token as a bearer token.");
    }
  }

  private void newCode(Context ctx) {
    NewEnrolmentCode request = Json.read(json, Bodies.read(ctx, maxBody), NewEnrolmentCode.class);
    Fields f = new Fields();
    StoreId store = f.parse("store_id", request.storeId(), StoreId::new);
    TillId till = f.parse("till_id", request.tillId(), TillId::new);
    f.throwIfAny("The request");
    ctx.status(201).json(enrolment.newCode(store, till));
  }

  private void revoke(Context ctx) {
    Fields f = new Fields();
    TillId till = f.parse("till", ctx.pathParam("till"), TillId::new);
    f.throwIfAny("The path");
    enrolment.revoke(till);
    ctx.status(204);
  }

  private void saveStore(Context ctx) {
    StoreDetails details = Json.read(json, Bodies.read(ctx, maxBody), StoreDetails.class);
    Fields f = new Fields();
    StoreId store = f.parse("store", ctx.pathParam("store"), StoreId::new);
    String name = f.required("name", details.name());
    f.check(
        name == null || (!name.isBlank() && name.length() <= 200),
        "name",
        "must be 1-200 characters");
    f.parse("zone", details.zone(), ZoneId::of);
    f.throwIfAny("The store");
    enrolment.saveStore(store, name, details.zone());
    ctx.status(204);
  }
}
