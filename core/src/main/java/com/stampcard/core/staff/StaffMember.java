package com.stampcard.core.staff;

import com.stampcard.core.program.ProgramId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A cashier or manager.
 *
 * @param programs the programs they may stamp and redeem; empty means all
 * @param failedLogins wrong PINs in a row since the last good one
 * @param lockedUntil no login is accepted before this
 */
public record StaffMember(
    StaffId id,
    String name,
    Role role,
    PinHash pin,
    Set<ProgramId> programs,
    boolean active,
    int failedLogins,
    Optional<Instant> lockedUntil) {

  public StaffMember {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(pin, "pin");
    programs = Set.copyOf(programs);
    Objects.requireNonNull(lockedUntil, "lockedUntil");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("staff member " + id + " needs a name");
    }
    if (failedLogins < 0) {
      throw new IllegalArgumentException("failed logins can't be negative");
    }
  }

  public static StaffMember of(
      StaffId id, String name, Role role, PinHash pin, Set<ProgramId> programs) {
    return new StaffMember(id, name, role, pin, programs, true, 0, Optional.empty());
  }

  public boolean mayUse(ProgramId program) {
    return active && (programs.isEmpty() || programs.contains(program));
  }

  public boolean isManager() {
    return role == Role.MANAGER;
  }

  public boolean lockedAt(Instant now) {
    return lockedUntil.isPresent() && now.isBefore(lockedUntil.get());
  }

  StaffMember afterFailedLogin(int failures, Optional<Instant> lockUntil) {
    return new StaffMember(id, name, role, pin, programs, active, failures, lockUntil);
  }

  StaffMember afterGoodLogin() {
    return new StaffMember(id, name, role, pin, programs, active, 0, Optional.empty());
  }

  public StaffMember withPin(PinHash newPin) {
    return new StaffMember(id, name, role, newPin, programs, active, 0, Optional.empty());
  }
}
