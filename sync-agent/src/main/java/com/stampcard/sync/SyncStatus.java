package com.stampcard.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * What the till's screen shows about sync.
 *
 * @param enrolled whether the till has a credential for a server
 * @param online whether the last exchange with the server succeeded
 * @param lastSuccess when the till last pushed and pulled everything
 * @param eventsWaiting this till's events the server does not hold yet
 * @param lastError why the last try failed, in words; empty after a success
 */
public record SyncStatus(
    boolean enrolled,
    boolean online,
    Optional<Instant> lastSuccess,
    long eventsWaiting,
    Optional<String> lastError) {

  static SyncStatus initial(boolean enrolled, Optional<Instant> lastSuccess, long waiting) {
    return new SyncStatus(enrolled, false, lastSuccess, waiting, Optional.empty());
  }
}
