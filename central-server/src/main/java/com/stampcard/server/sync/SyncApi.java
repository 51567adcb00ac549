package com.stampcard.server.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stampcard.core.ledger.EventDraft;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.sync.PullResponse;
import com.stampcard.core.sync.PushRequest;
import com.stampcard.core.sync.PushResponse;
import com.stampcard.core.sync.SpendRequest;
import com.stampcard.core.sync.SpendResponse;
import com.stampcard.core.sync.WireAccount;
import com.stampcard.core.sync.WireEvent;
import com.stampcard.server.api.WireMapping;
import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.enrol.Enrolment;
import com.stampcard.server.enrol.TillPrincipal;
import com.stampcard.server.http.ApiException;
import com.stampcard.server.http.Bodies;
import com.stampcard.server.http.Fields;
import com.stampcard.server.http.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The sync API for tills (v1): push, pull, live changes, online redemption, the overdraft list.
 * Every request carries a till's bearer credential; a till writes only its own events and reads
 * what its store may see.
 */
public final class SyncApi {
  private static final String TILL = "stampcard.till";

  private final ServerDatabase db;
  private final Enrolment enrolment;
  private final ChangeFeed feed;
  private final ChangeSignal signal;
  private final ObjectMapper json;
  private final Clock clock;
  private final long maxBody;
  private final int maxPushEvents;
  private final Duration holdTtl;
  private final Counter ingested;

  public SyncApi(
      ServerDatabase db,
      Enrolment enrolment,
      ChangeFeed feed,
      ChangeSignal signal,
      ObjectMapper json,
      Clock clock,
      long maxBody,
      int maxPushEvents,
      Duration holdTtl,
      MeterRegistry metrics) {
    this.db = db;
    this.enrolment = enrolment;
    this.feed = feed;
    this.signal = signal;
    this.json = json;
    this.clock = clock;
    this.maxBody = maxBody;
    this.maxPushEvents = maxPushEvents;
    this.holdTtl = holdTtl;
    this.ingested =
        Counter.builder("stampcard.events.ingested")
            .description("events stored from till pushes (repeats not counted)")
            .register(metrics);
  }

  public void routes(Javalin app) {
    for (String path :
        List.of(
            "/api/v1/push",
            "/api/v1/changes",
            "/api/v1/changes/stream",
            "/api/v1/redemptions",
            "/api/v1/overdrafts")) {
      app.before(path, this::authenticate);
    }
    app.post("/api/v1/push", this::push);
    app.get("/api/v1/changes", this::pull);
    app.sse("/api/v1/changes/stream", signal::connect);
    app.post("/api/v1/redemptions", this::spend);
    app.get("/api/v1/overdrafts", this::overdrafts);
  }

  private void authenticate(Context ctx) {
    ctx.attribute(TILL, enrolment.authenticate(ctx.header("Authorization")));
  }

  private static TillPrincipal till(Context ctx) {
    return ctx.attribute(TILL);
  }

  private void push(Context ctx) {
    TillPrincipal till = till(ctx);
    PushRequest request = Json.read(json, Bodies.read(ctx, maxBody), PushRequest.class);
    List<WireEvent> wireEvents = request.events() == null ? List.of() : request.events();
    List<WireAccount> wireAccounts = request.accounts() == null ? List.of() : request.accounts();
    if (wireEvents.size() > maxPushEvents || wireAccounts.size() > maxPushEvents) {
      throw ApiException.badRequest(
          "A push may carry at most "
              + maxPushEvents
              + " events and "
              + maxPushEvents
              + " accounts. Send smaller batches.");
    }
    Instant now = clock.instant();
    Fields f = new Fields();
    List<WireMapping.AccountState> accounts = new ArrayList<>();
    for (int i = 0; i < wireAccounts.size(); i++) {
      WireMapping.AccountState a =
          WireMapping.account(wireAccounts.get(i), f, "accounts[" + i + "]");
      if (a != null) {
        accounts.add(a);
      }
    }
    List<LedgerEvent> events = new ArrayList<>();
    Set<UUID> ids = new HashSet<>();
    Set<Long> seqs = new HashSet<>();
    for (int i = 0; i < wireEvents.size(); i++) {
      String at = "events[" + i + "]";
      LedgerEvent e = WireMapping.event(wireEvents.get(i), f, at, now);
      if (e != null) {
        f.check(ids.add(e.eventId()), at + ".event_id", "appears twice in this push");
        f.check(seqs.add(e.tillSeq()), at + ".till_seq", "appears twice in this push");
        events.add(e);
      }
    }
    f.throwIfAny("The push");
    for (LedgerEvent e : events) {
      if (!e.till().equals(till.till()) || !e.store().equals(till.store())) {
        throw ApiException.forbidden(
            "Event "
                + e.eventId()
                + " names till "
                + e.till()
                + " at store "
                + e.store()
                + "; this credential may push only the events of till "
                + till.till()
                + " at store "
                + till.store()
                + ". Nothing was stored.");
      }
    }
    Ingest.Result result;
    try {
      result = ingest(till, accounts, events, now, false);
    } catch (Ingest.MergeNeeded e) {
      result = ingest(till, accounts, events, now, true);
    } catch (Ingest.EventIdTaken e) {
      throw db.read(c -> Ingest.takenIdConflict(c, events));
    }
    ingested.increment(result.inserted());
    if (result.changed() && db.engine() == ServerDatabase.Engine.H2) {
      signal.changed();
    }
    ctx.json(new PushResponse(result.ackedSeq(), result.inserted()));
  }

  private Ingest.Result ingest(
      TillPrincipal till,
      List<WireMapping.AccountState> accounts,
      List<LedgerEvent> events,
      Instant now,
      boolean exclusive) {
    return db.write(
        c -> {
          boolean mayMerge = db.lockMerges(c, exclusive);
          Ingest.Result r = Ingest.push(c, till, accounts, events, now, mayMerge);
          if (r.changed() && db.engine() == ServerDatabase.Engine.POSTGRESQL) {
            PostgresChangeListener.notifyOnCommit(c);
          }
          return r;
        });
  }

  private void pull(Context ctx) {
    TillPrincipal till = till(ctx);
    PullResponse page = feed.pull(till, ctx.queryParam("cursor"), ctx.queryParam("reference"));
    ctx.json(page);
  }

  private void spend(Context ctx) {
    TillPrincipal till = till(ctx);
    SpendRequest request = Json.read(json, Bodies.read(ctx, maxBody), SpendRequest.class);
    Instant now = clock.instant();
    Fields f = new Fields();
    EventDraft draft = WireMapping.draft(request.event(), f, "event", now);
    f.throwIfAny("The redemption");
    if (!draft.type().spends()) {
      throw ApiException.badRequest(
          "An online redemption is a REDEEM or POINTS_SPEND event, not " + draft.type() + ".");
    }
    if (!draft.till().equals(till.till()) || !draft.store().equals(till.store())) {
      throw ApiException.forbidden(
          "This credential may redeem only as till "
              + till.till()
              + " at store "
              + till.store()
              + ".");
    }
    SpendResponse answer =
        db.write(
            c -> {
              db.lockMerges(c, false);
              return OnlineRedemptions.spend(c, till, draft, now, holdTtl);
            });
    ctx.json(answer);
  }

  private void overdrafts(Context ctx) {
    ctx.json(feed.overdraftsAt(till(ctx).store(), 200));
  }
}
