package com.stampcard.server.report;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Merged accounts followed to the account they count for, so a customer whose two cards were merged
 * is one customer in every report.
 */
public final class Roots {
  private final Map<UUID, UUID> mergedInto;
  private final Map<UUID, UUID> cache = new HashMap<>();

  public Roots(Map<UUID, UUID> mergedInto) {
    this.mergedInto = Map.copyOf(mergedInto);
  }

  public static Roots none() {
    return new Roots(Map.of());
  }

  public UUID of(UUID account) {
    return cache.computeIfAbsent(
        account,
        a -> {
          UUID at = a;
          // a chain longer than the number of merges is a cycle: stop rather than spin
          for (int i = 0; i <= mergedInto.size() && mergedInto.containsKey(at); i++) {
            at = mergedInto.get(at);
          }
          return at;
        });
  }
}
