package com.stampcard.core.account;

/** Where an account stands. A merged account lives on in the one it was merged into. */
public enum AccountStatus {
  ACTIVE,
  MERGED,
  ERASED
}
