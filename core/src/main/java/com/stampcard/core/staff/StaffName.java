package com.stampcard.core.staff;

import java.util.Objects;

/** A member of staff as the login screen lists them: the id they log in with, and their name. */
public record StaffName(StaffId id, String name) {
  public StaffName {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
