package com.stampcard.core.audit;

/** What the audit log records: every change to the books or to who may change them. */
public enum AuditAction {
  REDEMPTION,
  VOID,
  ADJUSTMENT,
  ACCOUNT_MERGED,
  STAFF_ADDED,
  STAFF_CHANGED,
  STAFF_LOCKED_OUT,
  PROGRAM_CHANGED,
  CARDS_ISSUED,
  CARD_LINKED
}
