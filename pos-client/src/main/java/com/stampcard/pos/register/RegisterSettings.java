package com.stampcard.pos.register;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The till's local API for the cash register.
 *
 * @param enabled whether the till listens at all
 * @param port the TCP port on 127.0.0.1; 0 picks a free one (tests)
 * @param secret when set, every request must carry it as {@code Authorization: Bearer SECRET}
 * @param justScannedWithin how recent a read at the till counts as "the customer just scanned"
 */
public record RegisterSettings(
    boolean enabled, int port, Optional<String> secret, Duration justScannedWithin) {
  public RegisterSettings {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(justScannedWithin, "justScannedWithin");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + ": use 1-65535");
    }
  }

  /** The API off. */
  public static RegisterSettings off() {
    return new RegisterSettings(false, 0, Optional.empty(), Duration.ofSeconds(60));
  }
}
