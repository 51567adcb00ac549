package com.stampcard.server.web;

import java.time.Instant;
import java.util.Objects;

/**
 * A logged-in browser: who ({@code kind} and {@code subject}, for example a staff id or an account
 * id), the token its pages send back with every changing request, and when it ends.
 */
public record WebSession(SessionKind kind, String subject, String csrfToken, Instant expiresAt) {
  public WebSession {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(csrfToken, "csrfToken");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    // never the CSRF token in a log line
    return "WebSession[" + kind + " " + subject + " until " + expiresAt + "]";
  }
}
