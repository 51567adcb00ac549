package com.stampcard.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.testing.Postgres;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Two server instances on one PostgreSQL database share sessions and the login limit. */
class WebSessionsPostgresIT {
  @Test
  void aSessionStartedOnOneInstanceIsAcceptedAndEndedOnTheOther() throws Exception {
    String url = Postgres.newDatabase();
    Clock clock = Clock.systemUTC();
    try (ServerDatabase db1 = ServerDatabase.open(url, "postgres", "postgres", 4, clock);
        ServerDatabase db2 = ServerDatabase.open(url, "postgres", "postgres", 4, clock);
        SessionSite one = new SessionSite(db1, clock);
        SessionSite two = new SessionSite(db2, clock)) {
      HttpResponse<String> r = one.send("POST", "/login", null, "user=maria&password=right");
      String cookie = SessionSite.cookieOf(r);

      assertThat(two.send("GET", "/me", cookie, null).body()).isEqualTo("STAFF:maria");
      assertThat(two.send("POST", "/change", cookie, "csrf=" + r.body()).body())
          .isEqualTo("changed");
      two.send("POST", "/logout", cookie, "csrf=" + r.body());
      assertThat(one.send("GET", "/me", cookie, null).body()).isEqualTo("nobody");

      for (int i = 0; i < 3; i++) {
        (i % 2 == 0 ? one : two).send("POST", "/login", null, "user=erik&password=no");
      }
      assertThat(two.send("POST", "/login", null, "user=erik&password=right").statusCode())
          .isEqualTo(429);
      assertThat(one.send("POST", "/login", null, "user=erik&password=right").statusCode())
          .isEqualTo(429);
    }
  }
}
