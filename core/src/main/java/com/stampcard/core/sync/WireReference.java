package com.stampcard.core.sync;

import java.util.List;

/**
 * What flows down to tills besides the ledger: programs that run at the till's store (the latest
 * version, its definition as the store module's JSON document), staff and stores.
 *
 * @param digest names this content; the till sends it back and gets the reference only when it
 *     changed
 */
public record WireReference(
    String digest, List<Program> programs, List<Staff> staff, List<Store> stores) {

  public record Program(String id, int version, String kind, String definition) {}

  /** A staff member; the PIN as its salted hash, never the PIN. */
  public record Staff(
      String id, String name, String role, String pinHash, String programs, boolean active) {}

  public record Store(String id, String name, String zone) {}
}
