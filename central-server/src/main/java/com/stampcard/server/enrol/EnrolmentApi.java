package com.stampcard.server.enrol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stampcard.core.sync.EnrolRequest;
import com.stampcard.server.http.Bodies;
import com.stampcard.server.http.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** A till trades its one-time code for its credential (v1). The only unauthenticated write. */
public final class EnrolmentApi {
  private final Enrolment enrolment;
  private final ObjectMapper json;

  public EnrolmentApi(Enrolment enrolment, ObjectMapper json) {
    this.enrolment = enrolment;
    this.json = json;
  }

  public void routes(Javalin app) {
    app.post("/api/v1/enrolment", this::enrol);
  }

  private void enrol(Context ctx) {
    // A code is a few bytes: a small limit of its own, whatever the general one is.
    EnrolRequest request = Json.read(json, Bodies.read(ctx, 1024), EnrolRequest.class);
    ctx.status(201).json(enrolment.enrol(request.code()));
  }
}
