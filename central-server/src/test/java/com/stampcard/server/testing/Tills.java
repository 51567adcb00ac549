package com.stampcard.server.testing;

import com.stampcard.core.sync.WireEvent;
import com.stampcard.server.CentralServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Enrols tills and makes their events, over the real API. */
public final class Tills {
  private Tills() {}

  /** Enrols {@code till} at {@code store}; answers its credential. */
  public static String enrol(CentralServer server, String store, String till) {
    Http http = new Http(server.uri());
    Http.Answer code =
        http.post(
            "/api/v1/admin/enrolment-codes",
            TestServers.ADMIN_TOKEN,
            Map.of("store_id", store, "till_id", till));
    if (code.status() != 201) {
      throw new IllegalStateException(code.body());
    }
    Http.Answer enrolled =
        http.post("/api/v1/enrolment", null, Map.of("code", code.json().get("code").asText()));
    if (enrolled.status() != 201) {
      throw new IllegalStateException(enrolled.body());
    }
    return enrolled.json().get("credential").asText();
  }

  public static WireEvent stamp(String store, String till, long seq, UUID account) {
    return event(store, till, seq, account, "STAMP", 1);
  }

  public static WireEvent event(
      String store, String till, long seq, UUID account, String type, long quantity) {
    return new WireEvent(
        UUID.randomUUID(),
        account,
        "coffee-card",
        1,
        type,
        quantity,
        store,
        till,
        seq,
        "anna",
        Instant.now().toString(),
        seq,
        "SCANNER",
        null,
        null,
        null,
        List.of());
  }
}
