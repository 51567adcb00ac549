package com.stampcard.core.staff;

import com.stampcard.core.audit.AuditAction;
import com.stampcard.core.audit.AuditLog;
import com.stampcard.core.port.TillStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Logs staff in with their PIN. After {@code maxFailures} wrong PINs in a row the member is locked
 * out for {@code lockout}; the lockout is written to the audit log.
 */
public final class StaffLogin {
  private final TillStore store;
  private final Clock clock;
  private final int maxFailures;
  private final Duration lockout;

  public StaffLogin(TillStore store, Clock clock, int maxFailures, Duration lockout) {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("allow at least one attempt");
    }
    this.store = store;
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.lockout = lockout;
  }

  /** Checks the PIN. Runs a slow hash: call it off the UI thread. */
  public LoginResult login(StaffId id, char[] pin) {
    Instant now = clock.instant();
    return store.inTransaction(
        tx -> {
          Optional<StaffMember> found = tx.staffMember(id);
          if (found.isEmpty() || !found.get().active()) {
            return new LoginResult.Refused(
                LoginResult.Why.UNKNOWN_OR_WRONG_PIN, Optional.empty(), 0);
          }
          StaffMember member = found.get();
          if (member.lockedAt(now)) {
            return new LoginResult.Refused(LoginResult.Why.LOCKED_OUT, member.lockedUntil(), 0);
          }
          if (pin.length > 0 && member.pin().matches(pin)) {
            StaffMember fresh = member.afterGoodLogin();
            tx.saveStaffMember(fresh);
            return new LoginResult.LoggedIn(fresh);
          }
          int failures = member.failedLogins() + 1;
          if (failures >= maxFailures) {
            Instant until = now.plus(lockout);
            tx.saveStaffMember(member.afterFailedLogin(0, Optional.of(until)));
            AuditLog.append(
                tx,
                now,
                "system",
                AuditAction.STAFF_LOCKED_OUT,
                id.value(),
                maxFailures + " wrong PINs; locked until " + until);
            return new LoginResult.Refused(LoginResult.Why.LOCKED_OUT, Optional.of(until), 0);
          }
          tx.saveStaffMember(member.afterFailedLogin(failures, Optional.empty()));
          return new LoginResult.Refused(
              LoginResult.Why.UNKNOWN_OR_WRONG_PIN, Optional.empty(), maxFailures - failures);
        });
  }
}
