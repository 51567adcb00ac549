package com.stampcard.core.staff;

/** Cashiers stamp and redeem; managers also approve, review, void and issue cards. */
public enum Role {
  CASHIER,
  MANAGER
}
