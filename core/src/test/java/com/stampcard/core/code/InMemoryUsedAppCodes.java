package com.stampcard.core.code;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link UsedAppCodes} in a set, for tests. Thread-safe. */
public final class InMemoryUsedAppCodes implements UsedAppCodes {
  private final Set<String> used = ConcurrentHashMap.newKeySet();

  @Override
  public boolean markUsed(String deviceKeyIdHex, long timeStep) {
    return used.add(deviceKeyIdHex + "/" + timeStep);
  }

  /** How many slots have been used. */
  public int size() {
    return used.size();
  }
}
