package com.stampcard.core.staff;

import java.time.Instant;
import java.util.Optional;

/** The answer to a login attempt. */
public sealed interface LoginResult {
  /** The PIN was right. */
  record LoggedIn(StaffMember member) implements LoginResult {}

  /**
   * No login. An unknown id and a wrong PIN read the same, so ids can't be guessed.
   *
   * @param attemptsLeft wrong PINs left before the lockout, when known
   */
  record Refused(Why why, Optional<Instant> lockedUntil, int attemptsLeft) implements LoginResult {}

  /** Why a login was refused. */
  enum Why {
    UNKNOWN_OR_WRONG_PIN,
    LOCKED_OUT
  }
}
