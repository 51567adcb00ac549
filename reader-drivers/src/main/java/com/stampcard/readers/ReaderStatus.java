package com.stampcard.readers;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether a reader can read now, and if not, why, in words an IT person or a cashier can act on.
 *
 * @param readerId the reader
 * @param state connected, disconnected or in error
 * @param detail empty when all is well; the reason when disconnected or in error; a warning when
 *     connected with a caveat (for example serial parameters that could not be set)
 * @param since when the reader entered this state
 */
public record ReaderStatus(String readerId, State state, String detail, Instant since) {

  /** The three states a till shows. */
  public enum State {
    /** The device is there and reads are coming through. */
    CONNECTED,
    /** The device is not there (unplugged, not yet found); the reader keeps looking. */
    DISCONNECTED,
    /** The device is there but cannot be used (permission, service down, bad settings). */
    ERROR
  }

  public ReaderStatus {
    Objects.requireNonNull(readerId, "readerId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(since, "since");
  }

  public static ReaderStatus connected(String readerId, String warning, Instant since) {
    return new ReaderStatus(readerId, State.CONNECTED, warning, since);
  }

  public static ReaderStatus disconnected(String readerId, String reason, Instant since) {
    return new ReaderStatus(readerId, State.DISCONNECTED, reason, since);
  }

  public static ReaderStatus error(String readerId, String reason, Instant since) {
    return new ReaderStatus(readerId, State.ERROR, reason, since);
  }

  /** True when the reader and detail are the same, whatever the time. */
  public boolean sameAs(ReaderStatus other) {
    return other != null
        && readerId.equals(other.readerId)
        && state == other.state
        && detail.equals(other.detail);
  }

  @Override
  public String toString() {
    return readerId + " " + state + (detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
