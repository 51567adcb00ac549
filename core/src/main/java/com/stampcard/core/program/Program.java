package com.stampcard.core.program;

import com.stampcard.core.shop.StoreId;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * A loyalty program at one version. A change to the rules is a new version; every event records the
 * version it was earned under.
 */
public sealed interface Program permits StampProgram, PointsProgram {
  ProgramId id();

  int version();

  String name();

  /** What the customer gets, for example "a free coffee". */
  String reward();

  /** The stores where it runs; empty means every store. */
  Set<StoreId> stores();

  ProgramKind kind();

  /** Stamps or points lapse after this long without a new one; empty means never. */
  Optional<Duration> expiry();

  /** What the rules give for this purchase at this time. */
  Award award(Purchase purchase, ZonedDateTime at);

  default boolean runsAt(StoreId store) {
    return stores().isEmpty() || stores().contains(store);
  }
}
