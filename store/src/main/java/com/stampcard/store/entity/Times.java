package com.stampcard.store.entity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The store keeps times to the microsecond, as both PostgreSQL and H2 do. */
public final class Times {
  private Times() {}

  /** The instant as the database will give it back. */
  public static Instant stored(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
  }
}
