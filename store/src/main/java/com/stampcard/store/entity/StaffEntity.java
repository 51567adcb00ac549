package com.stampcard.store.entity;

import com.stampcard.core.program.ProgramId;
import com.stampcard.core.staff.PinHash;
import com.stampcard.core.staff.Role;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffMember;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A row of {@code staff}. */
@Entity
@Table(name = "staff")
public class StaffEntity {
  @Id
  @Column(name = "id")
  private String id;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "role", nullable = false)
  private String role;

  @Column(name = "pin_hash", nullable = false)
  private String pinHash;

  @Column(name = "programs", nullable = false)
  private String programs;

  @Column(name = "active", nullable = false)
  private boolean active;

  @Column(name = "failed_logins", nullable = false)
  private int failedLogins;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  protected StaffEntity() {}

  public static StaffEntity from(StaffMember member) {
    StaffEntity e = new StaffEntity();
    e.id = member.id().value();
    e.copy(member);
    return e;
  }

  /** Takes over everything but the id. */
  public void copy(StaffMember member) {
    if (!member.id().value().equals(id)) {
      throw new IllegalArgumentException("staff member " + member.id() + " is not row " + id);
    }
    name = member.name();
    role = member.role().name();
    pinHash = member.pin().encoded();
    programs =
        member.programs().stream().map(ProgramId::value).sorted().collect(Collectors.joining(","));
    active = member.active();
    failedLogins = member.failedLogins();
    lockedUntil = member.lockedUntil().map(Times::stored).orElse(null);
  }

  public StaffMember toStaffMember() {
    return new StaffMember(
        new StaffId(id),
        name,
        Role.valueOf(role),
        new PinHash(pinHash),
        programs.isEmpty()
            ? java.util.Set.of()
            : Arrays.stream(programs.split(",")).map(ProgramId::new).collect(Collectors.toSet()),
        active,
        failedLogins,
        Optional.ofNullable(lockedUntil));
  }
}
