package com.stampcard.core.account;

import java.util.Objects;
import java.util.UUID;

/** A customer's account: pseudonymous, a UUIDv7 made where the account was first seen. */
public record AccountId(UUID value) {
  public AccountId {
    Objects.requireNonNull(value, "value");
  }

  public static AccountId of(String text) {
    return new AccountId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
