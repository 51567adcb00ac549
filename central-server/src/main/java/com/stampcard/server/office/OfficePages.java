package com.stampcard.server.office;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stampcard.core.audit.AuditAction;
import com.stampcard.core.audit.AuditLog;
import com.stampcard.core.program.Program;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.staff.PinHash;
import com.stampcard.core.staff.Role;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffMember;
import com.stampcard.server.api.EnrolmentCode;
import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.enrol.Enrolment;
import com.stampcard.server.http.ApiException;
import com.stampcard.server.web.WebSession;
import com.stampcard.store.program.DocumentException;
import com.stampcard.store.program.ProgramJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores, tills, staff and programs: a list and a form on each page; a form posts, and a good post
 * redirects back with a banner saying what was done. Changes to staff, programs and stores reach
 * the tills with their next pull (the reference data's digest changes, ADR 0403).
 */
final class OfficePages {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServerDatabase db;
  private final Enrolment enrolment;
  private final Clock clock;

  OfficePages(ServerDatabase db, Enrolment enrolment, Clock clock) {
    this.db = db;
    this.enrolment = enrolment;
    this.clock = clock;
  }

  void routes(Javalin app) {
    app.get("/office/stores", ctx -> stores(ctx, null, 200));
    app.post("/office/stores", this::saveStore);
    app.get("/office/tills", ctx -> tills(ctx, null, null, 200));
    app.post("/office/tills/codes", this::newCode);
    app.post("/office/tills/{till}/revoke", this::revoke);
    app.get("/office/staff", ctx -> staff(ctx, null, 200));
    app.post("/office/staff", this::saveStaff);
    app.get("/office/programs", ctx -> programs(ctx, null, null, 200));
    app.post("/office/programs", this::newProgram);
    app.get("/office/programs/{program}", ctx -> program(ctx, null, null, 200));
    app.post("/office/programs/{program}", this::saveProgram);
  }

  // --- stores ---

  private record StoreRow(String id, String name, String zone) {}

  private List<StoreRow> storeRows() {
    return db.read(
        c -> {
          List<StoreRow> rows = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement("SELECT id, name, zone FROM shop_store ORDER BY id");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              rows.add(new StoreRow(r.getString(1), r.getString(2), r.getString(3)));
            }
          }
          return rows;
        });
  }

  private void stores(Context ctx, String error, int status) {
    OfficeTexts t = texts(ctx);
    StringBuilder b = new StringBuilder();
    b.append(banners(ctx, t, error));
    b.append("<table id=\"stores\"><thead><tr><th>")
        .append(Html.esc(t.get("store.id")))
        .append("</th><th>")
        .append(Html.esc(t.get("store.name")))
        .append("</th><th>")
        .append(Html.esc(t.get("store.zone")))
        .append("</th></tr></thead><tbody>");
    for (StoreRow s : storeRows()) {
      b.append("<tr><td>")
          .append(Html.esc(s.id()))
          .append("</td><td>")
          .append(Html.esc(s.name()))
          .append("</td><td>")
          .append(Html.esc(s.zone()))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    b.append("<h2>").append(Html.esc(t.get("store.save"))).append("</h2>");
    b.append("<form method=\"post\" action=\"/office/stores\" id=\"store-form\">")
        .append(Html.csrf(session(ctx)))
        .append(field(t.get("store.id"), "id", "", "pattern=\"[a-z0-9][a-z0-9-]{0,39}\" required"))
        .append(field(t.get("store.name"), "name", "", "maxlength=\"200\" required"))
        .append(field(t.get("store.zone"), "zone", "Europe/Stockholm", "required"))
        .append("<p class=\"hint\">")
        .append(Html.esc(t.get("store.hint")))
        .append("</p><button type=\"submit\" id=\"save-store\">")
        .append(Html.esc(t.get("store.save")))
        .append("</button></form>");
    render(ctx, status, t.get("nav.stores"), "stores", b.toString());
  }

  private void saveStore(Context ctx) {
    OfficeTexts t = texts(ctx);
    String id = form(ctx, "id");
    String name = form(ctx, "name");
    String zone = form(ctx, "zone");
    try {
      new StoreId(id);
    } catch (IllegalArgumentException e) {
      stores(ctx, t.get("store.bad-id"), 400);
      return;
    }
    if (name.isBlank() || name.length() > 200) {
      stores(ctx, t.get("store.bad-name"), 400);
      return;
    }
    try {
      ZoneId.of(zone);
    } catch (RuntimeException e) {
      stores(ctx, t.get("store.bad-zone", zone), 400);
      return;
    }
    enrolment.saveStore(new StoreId(id), name, zone);
    ctx.redirect("/office/stores?done=store.saved&what=" + id);
  }

  // --- tills ---

  private void tills(Context ctx, String error, EnrolmentCode code, int status) {
    OfficeTexts t = texts(ctx);
    WebSession session = session(ctx);
    StringBuilder b = new StringBuilder();
    b.append(banners(ctx, t, error));
    if (code != null) {
      b.append("<div class=\"code\" role=\"status\"><p>")
          .append(Html.esc(t.get("till.code-for", code.tillId(), code.storeId())))
          .append("</p><p class=\"big\" id=\"enrolment-code\">")
          .append(Html.esc(code.code()))
          .append("</p><p class=\"hint\">")
          .append(Html.esc(t.get("till.code-hint", code.expiresAt())))
          .append("</p></div>");
    }
    b.append("<table id=\"tills\"><thead><tr><th>")
        .append(Html.esc(t.get("till.id")))
        .append("</th><th>")
        .append(Html.esc(t.get("till.store")))
        .append("</th><th>")
        .append(Html.esc(t.get("till.enrolled")))
        .append("</th><th>")
        .append(Html.esc(t.get("till.state")))
        .append("</th><th></th></tr></thead><tbody>");
    db.read(
        c -> {
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT till_id, store_id, enrolled_at, revoked_at FROM till ORDER BY"
                          + " store_id, till_id");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              String till = r.getString(1);
              boolean revoked = r.getObject(4) != null;
              OffsetDateTime enrolled = r.getObject(3, OffsetDateTime.class);
              b.append("<tr id=\"till-")
                  .append(Html.esc(till))
                  .append("\"><td>")
                  .append(Html.esc(till))
                  .append("</td><td>")
                  .append(Html.esc(r.getString(2)))
                  .append("</td><td>")
                  .append(enrolled == null ? "" : Html.esc(enrolled.toInstant()))
                  .append("</td><td class=\"state\">")
                  .append(Html.esc(t.get(revoked ? "till.revoked" : "till.active")))
                  .append("</td><td>");
              if (!revoked) {
                b.append("<form method=\"post\" action=\"/office/tills/")
                    .append(Html.esc(till))
                    .append("/revoke\">")
                    .append(Html.csrf(session))
                    .append("<button type=\"submit\" class=\"danger\" id=\"revoke-")
                    .append(Html.esc(till))
                    .append("\">")
                    .append(Html.esc(t.get("till.revoke")))
                    .append("</button></form>");
              }
              b.append("</td></tr>");
            }
          }
          return null;
        });
    b.append("</tbody></table>");
    b.append("<h2>").append(Html.esc(t.get("till.new-code"))).append("</h2>");
    b.append("<form method=\"post\" action=\"/office/tills/codes\" id=\"code-form\">")
        .append(Html.csrf(session))
        .append("<label>")
        .append(Html.esc(t.get("till.store")))
        .append(" <select name=\"store\" id=\"store\">");
    for (StoreRow s : storeRows()) {
      b.append("<option value=\"")
          .append(Html.esc(s.id()))
          .append("\">")
          .append(Html.esc(s.name()))
          .append("</option>");
    }
    b.append("</select></label>")
        .append(field(t.get("till.id"), "till", "", "pattern=\"[a-z0-9][a-z0-9-]{0,39}\" required"))
        .append("<button type=\"submit\" id=\"make-code\">")
        .append(Html.esc(t.get("till.make-code")))
        .append("</button></form>");
    render(ctx, status, t.get("nav.tills"), "tills", b.toString());
  }

  private void newCode(Context ctx) {
    OfficeTexts t = texts(ctx);
    StoreId store;
    TillId till;
    try {
      store = new StoreId(form(ctx, "store"));
      till = new TillId(form(ctx, "till"));
    } catch (IllegalArgumentException e) {
      tills(ctx, t.get("till.bad-id"), null, 400);
      return;
    }
    try {
      tills(ctx, null, enrolment.newCode(store, till), 200);
    } catch (ApiException e) {
      tills(ctx, t.get("till.elsewhere", till, store), null, 409);
    }
  }

  private void revoke(Context ctx) {
    OfficeTexts t = texts(ctx);
    String till = ctx.pathParam("till");
    try {
      enrolment.revoke(new TillId(till));
    } catch (IllegalArgumentException | ApiException e) {
      tills(ctx, t.get("till.not-revocable", till), null, 404);
      return;
    }
    ctx.redirect("/office/tills?done=till.revoked-done&what=" + till);
  }

  // --- staff ---

  private void staff(Context ctx, String error, int status) {
    OfficeTexts t = texts(ctx);
    List<StaffMember> staff =
        db.store().inTransaction(tx -> tx.staff()).stream()
            .sorted(java.util.Comparator.comparing(m -> m.id().value()))
            .toList();
    List<String> programs = programIds();
    StringBuilder b = new StringBuilder();
    b.append(banners(ctx, t, error));
    b.append("<table id=\"staff\"><thead><tr><th>")
        .append(Html.esc(t.get("staff.id")))
        .append("</th><th>")
        .append(Html.esc(t.get("staff.name")))
        .append("</th><th>")
        .append(Html.esc(t.get("staff.role")))
        .append("</th><th>")
        .append(Html.esc(t.get("staff.programs")))
        .append("</th><th>")
        .append(Html.esc(t.get("staff.active")))
        .append("</th></tr></thead><tbody>");
    for (StaffMember m : staff) {
      b.append("<tr id=\"staff-")
          .append(Html.esc(m.id()))
          .append("\"><td>")
          .append(Html.esc(m.id()))
          .append("</td><td>")
          .append(Html.esc(m.name()))
          .append("</td><td>")
          .append(Html.esc(t.get("role." + m.role())))
          .append("</td><td>")
          .append(
              Html.esc(
                  m.programs().isEmpty()
                      ? t.get("staff.all-programs")
                      : String.join(
                          ", ", m.programs().stream().map(ProgramId::value).sorted().toList())))
          .append("</td><td>")
          .append(Html.esc(t.get(m.active() ? "yes" : "no")))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    b.append("<h2>").append(Html.esc(t.get("staff.save"))).append("</h2>");
    b.append("<form method=\"post\" action=\"/office/staff\" id=\"staff-form\">")
        .append(Html.csrf(session(ctx)))
        .append(
            field(t.get("staff.id"), "id", "", "pattern=\"[a-z0-9][a-z0-9._-]{0,39}\" required"))
        .append(field(t.get("staff.name"), "name", "", "maxlength=\"200\" required"))
        .append("<label>")
        .append(Html.esc(t.get("staff.role")))
        .append(" <select name=\"role\" id=\"role\">");
    for (Role r : Role.values()) {
      b.append("<option value=\"")
          .append(r)
          .append("\">")
          .append(Html.esc(t.get("role." + r)))
          .append("</option>");
    }
    b.append("</select></label>")
        .append(
            field(t.get("staff.pin"), "pin", "", "inputmode=\"numeric\" pattern=\"[0-9]{4,12}\""))
        .append("<fieldset><legend>")
        .append(Html.esc(t.get("staff.programs")))
        .append("</legend>");
    for (String p : programs) {
      b.append("<label class=\"check\"><input type=\"checkbox\" name=\"programs\" value=\"")
          .append(Html.esc(p))
          .append("\" id=\"program-")
          .append(Html.esc(p))
          .append("\"> ")
          .append(Html.esc(p))
          .append("</label>");
    }
    b.append("<p class=\"hint\">")
        .append(Html.esc(t.get("staff.programs-hint")))
        .append("</p></fieldset>")
        .append("<label class=\"check\"><input type=\"checkbox\" name=\"active\" value=\"true\"")
        .append(" checked id=\"active\"> ")
        .append(Html.esc(t.get("staff.active")))
        .append("</label><p class=\"hint\">")
        .append(Html.esc(t.get("staff.hint")))
        .append("</p><button type=\"submit\" id=\"save-staff\">")
        .append(Html.esc(t.get("staff.save")))
        .append("</button></form>");
    render(ctx, status, t.get("nav.staff"), "staff", b.toString());
  }

  private void saveStaff(Context ctx) {
    OfficeTexts t = texts(ctx);
    StaffId id;
    try {
      id = new StaffId(form(ctx, "id"));
    } catch (IllegalArgumentException e) {
      staff(ctx, t.get("staff.bad-id"), 400);
      return;
    }
    String name = form(ctx, "name");
    if (name.isBlank() || name.length() > 200) {
      staff(ctx, t.get("staff.bad-name"), 400);
      return;
    }
    Role role;
    try {
      role = Role.valueOf(form(ctx, "role"));
    } catch (IllegalArgumentException e) {
      staff(ctx, t.get("staff.bad-role"), 400);
      return;
    }
    String pin = form(ctx, "pin");
    if (!pin.isEmpty() && !pin.matches("[0-9]{4,12}")) {
      staff(ctx, t.get("staff.bad-pin"), 400);
      return;
    }
    List<String> known = programIds();
    Set<ProgramId> programs = new LinkedHashSet<>();
    for (String p : ctx.formParams("programs")) {
      if (!known.contains(p)) {
        staff(ctx, t.get("staff.bad-program", p), 400);
        return;
      }
      programs.add(new ProgramId(p));
    }
    boolean active = "true".equals(ctx.formParam("active"));
    WebSession session = session(ctx);
    String actor = session.subject().equals(BackOffice.ADMIN) ? "admin" : session.subject();
    // hashed before the transaction: PBKDF2 takes a while and holds no lock
    Optional<PinHash> hash =
        pin.isEmpty() ? Optional.empty() : Optional.of(PinHash.of(pin.toCharArray()));
    String problem =
        db.store()
            .inTransaction(
                tx -> {
                  Optional<StaffMember> old = tx.staffMember(id);
                  if (old.isEmpty() && hash.isEmpty()) {
                    return t.get("staff.pin-needed");
                  }
                  StaffMember saved =
                      old.map(
                              o ->
                                  new StaffMember(
                                      id,
                                      name,
                                      role,
                                      hash.orElse(o.pin()),
                                      programs,
                                      active,
                                      hash.isPresent() ? 0 : o.failedLogins(),
                                      hash.isPresent() ? Optional.empty() : o.lockedUntil()))
                          .orElseGet(
                              () ->
                                  new StaffMember(
                                      id,
                                      name,
                                      role,
                                      hash.orElseThrow(),
                                      programs,
                                      active,
                                      0,
                                      Optional.empty()));
                  tx.saveStaffMember(saved);
                  AuditLog.append(
                      tx,
                      clock.instant(),
                      actor,
                      old.isEmpty() ? AuditAction.STAFF_ADDED : AuditAction.STAFF_CHANGED,
                      id.value(),
                      "role "
                          + role
                          + ", active "
                          + active
                          + (hash.isPresent() ? ", new PIN" : "")
                          + ", programs "
                          + (programs.isEmpty() ? "all" : programs.toString())
                          + " (back office)");
                  return null;
                });
    if (problem != null) {
      staff(ctx, problem, 400);
      return;
    }
    ctx.redirect("/office/staff?done=staff.saved&what=" + id);
  }

  // --- programs ---

  private List<String> programIds() {
    return db.store().inTransaction(tx -> tx.programs()).stream()
        .map(p -> p.id().value())
        .sorted()
        .toList();
  }

  private void programs(Context ctx, String error, String draft, int status) {
    OfficeTexts t = texts(ctx);
    List<Program> programs =
        db.store().inTransaction(tx -> tx.programs()).stream()
            .sorted(java.util.Comparator.comparing(p -> p.id().value()))
            .toList();
    StringBuilder b = new StringBuilder();
    b.append(banners(ctx, t, error));
    b.append("<table id=\"programs\"><thead><tr><th>")
        .append(Html.esc(t.get("program.id")))
        .append("</th><th>")
        .append(Html.esc(t.get("program.name")))
        .append("</th><th>")
        .append(Html.esc(t.get("program.kind")))
        .append("</th><th>")
        .append(Html.esc(t.get("program.version")))
        .append("</th></tr></thead><tbody>");
    for (Program p : programs) {
      b.append("<tr><td><a href=\"/office/programs/")
          .append(Html.esc(p.id()))
          .append("\" id=\"edit-")
          .append(Html.esc(p.id()))
          .append("\">")
          .append(Html.esc(p.id()))
          .append("</a></td><td>")
          .append(Html.esc(p.name()))
          .append("</td><td>")
          .append(Html.esc(t.get("kind." + p.kind())))
          .append("</td><td>")
          .append(p.version())
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    b.append("<h2>").append(Html.esc(t.get("program.new"))).append("</h2>");
    b.append("<form method=\"post\" action=\"/office/programs\" id=\"new-program-form\">")
        .append(Html.csrf(session(ctx)))
        .append("<textarea name=\"definition\" id=\"definition\" rows=\"14\" spellcheck=\"false\">")
        .append(Html.esc(draft == null ? NEW_PROGRAM : draft))
        .append("</textarea><p class=\"hint\">")
        .append(Html.esc(t.get("program.hint")))
        .append("</p><button type=\"submit\" id=\"save-program\">")
        .append(Html.esc(t.get("program.create")))
        .append("</button></form>");
    render(ctx, status, t.get("nav.programs"), "programs", b.toString());
  }

  private static final String NEW_PROGRAM =
      """
      {
        "id": "tea-card",
        "kind": "STAMPS",
        "name": "Tea card",
        "reward": "a free tea",
        "stampsRequired": 8,
        "cooldown": "PT0S",
        "mostPerVisit": 1
      }
      """;

  private record Version(int version, String savedAt, String definition) {}

  private List<Version> versions(String program) {
    return db.read(
        c -> {
          List<Version> rows = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT version, saved_at, definition FROM program WHERE id = ?"
                      + " ORDER BY version DESC")) {
            s.setString(1, program);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                rows.add(
                    new Version(
                        r.getInt(1),
                        r.getObject(2, OffsetDateTime.class).toInstant().toString(),
                        r.getString(3)));
              }
            }
          }
          return rows;
        });
  }

  private void program(Context ctx, String error, String draft, int status) {
    OfficeTexts t = texts(ctx);
    String id = ctx.pathParam("program");
    List<Version> versions = versions(id);
    if (versions.isEmpty()) {
      programs(ctx, t.get("program.unknown", id), null, 404);
      return;
    }
    StringBuilder b = new StringBuilder();
    b.append(banners(ctx, t, error));
    b.append("<p>")
        .append(Html.esc(t.get("program.versions-hint")))
        .append("</p><table id=\"versions\"><thead><tr><th>")
        .append(Html.esc(t.get("program.version")))
        .append("</th><th>")
        .append(Html.esc(t.get("program.saved-at")))
        .append("</th></tr></thead><tbody>");
    for (Version v : versions) {
      b.append("<tr><td>")
          .append(v.version())
          .append("</td><td>")
          .append(Html.esc(v.savedAt()))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    b.append("<h2>")
        .append(Html.esc(t.get("program.edit", versions.get(0).version() + 1)))
        .append("</h2>");
    b.append("<form method=\"post\" action=\"/office/programs/")
        .append(Html.esc(id))
        .append("\" id=\"program-form\">")
        .append(Html.csrf(session(ctx)))
        .append("<input type=\"hidden\" name=\"base\" value=\"")
        .append(versions.get(0).version())
        .append(
            "\"><textarea name=\"definition\" id=\"definition\" rows=\"22\" spellcheck=\"false\">")
        .append(Html.esc(draft == null ? pretty(versions.get(0).definition()) : draft))
        .append("</textarea><p class=\"hint\">")
        .append(Html.esc(t.get("program.hint")))
        .append("</p><button type=\"submit\" id=\"save-program\">")
        .append(Html.esc(t.get("program.save")))
        .append("</button></form>");
    render(ctx, status, t.get("program.title", id), "programs", b.toString());
  }

  private void newProgram(Context ctx) {
    OfficeTexts t = texts(ctx);
    String text = form(ctx, "definition");
    ObjectNode doc;
    try {
      doc = object(text);
    } catch (DocumentException e) {
      programs(ctx, t.get("program.invalid", e.getMessage()), text, 400);
      return;
    }
    String id = doc.path("id").asText("");
    if (!versions(id).isEmpty()) {
      programs(ctx, t.get("program.exists", id), text, 409);
      return;
    }
    doc.put("version", 1);
    String problem = save(t, doc);
    if (problem != null) {
      programs(ctx, problem, text, 400);
      return;
    }
    ctx.redirect("/office/programs/" + id + "?done=program.saved&what=" + id + "%20v1");
  }

  private void saveProgram(Context ctx) {
    OfficeTexts t = texts(ctx);
    String id = ctx.pathParam("program");
    String text = form(ctx, "definition");
    List<Version> versions = versions(id);
    if (versions.isEmpty()) {
      programs(ctx, t.get("program.unknown", id), null, 404);
      return;
    }
    int latest = versions.get(0).version();
    if (!String.valueOf(latest).equals(form(ctx, "base"))) {
      program(ctx, t.get("program.changed-meanwhile", latest), text, 409);
      return;
    }
    ObjectNode doc;
    try {
      doc = object(text);
    } catch (DocumentException e) {
      program(ctx, t.get("program.invalid", e.getMessage()), text, 400);
      return;
    }
    if (!id.equals(doc.path("id").asText(id))) {
      program(ctx, t.get("program.id-fixed", id), text, 400);
      return;
    }
    doc.put("id", id);
    doc.put("version", latest + 1);
    String problem = save(t, doc);
    if (problem != null) {
      program(
          ctx,
          problem,
          text,
          problem.equals(t.get("program.changed-meanwhile", latest)) ? 409 : 400);
      return;
    }
    ctx.redirect(
        "/office/programs/" + id + "?done=program.saved&what=" + id + "%20v" + (latest + 1));
  }

  /** Saves the document as a program version; the problem to show, or null. */
  private String save(OfficeTexts t, ObjectNode doc) {
    Program program;
    try {
      program = ProgramJson.read(doc.toString());
    } catch (DocumentException | IllegalArgumentException e) {
      return t.get("program.invalid", e.getMessage());
    }
    try {
      db.store()
          .inTransaction(
              tx -> {
                tx.saveProgram(program);
                return null;
              });
      return null;
    } catch (RuntimeException e) {
      // another manager saved this version first (the version check or the primary key)
      return t.get("program.changed-meanwhile", program.version() - 1);
    }
  }

  private static ObjectNode object(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node instanceof ObjectNode o) {
        return o;
      }
      throw new DocumentException("", "write the program as one JSON object: { \"id\": ... }");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new DocumentException(
          "", "not JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
    }
  }

  private static String pretty(String json) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return json;
    }
  }

  // --- shared ---

  static OfficeTexts texts(Context ctx) {
    return ctx.attribute(BackOffice.TEXTS);
  }

  static WebSession session(Context ctx) {
    return ctx.attribute(BackOffice.SESSION);
  }

  static String form(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v.strip();
  }

  static String field(String label, String name, String value, String attributes) {
    return "<label>"
        + Html.esc(label)
        + " <input name=\""
        + name
        + "\" id=\""
        + name
        + "\" value=\""
        + Html.esc(value)
        + "\" "
        + attributes
        + "></label>";
  }

  /** The error given, or the banner a redirect asked for ({@code done} is a known text key). */
  static String banners(Context ctx, OfficeTexts t, String error) {
    if (error != null) {
      return Html.banner("error", error);
    }
    String done = ctx.queryParam("done");
    if (done != null && done.matches("[a-z]+\\.[a-z-]+") && !t.get(done).equals(done)) {
      return Html.banner("ok", t.get(done, Optional.ofNullable(ctx.queryParam("what")).orElse("")));
    }
    return "";
  }

  static void render(Context ctx, int status, String title, String active, String body) {
    OfficeTexts t = texts(ctx);
    String path = ctx.path();
    ctx.status(status)
        .contentType("text/html; charset=utf-8")
        .result(Html.page(t, title, session(ctx), active, path, body));
  }
}
