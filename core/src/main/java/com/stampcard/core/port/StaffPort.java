package com.stampcard.core.port;

import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffMember;
import java.util.List;
import java.util.Optional;

/** Port: cashiers and managers. */
public interface StaffPort {
  Optional<StaffMember> staffMember(StaffId id);

  /** Everyone, active or not, by name. */
  List<StaffMember> staff();

  /** Adds or replaces a staff member. */
  void saveStaffMember(StaffMember member);
}
