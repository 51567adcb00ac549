package com.stampcard.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One link of the audit chain. {@code hash} covers every other field and the previous entry's hash,
 * so editing or removing an entry breaks the chain from there on.
 *
 * @param seq 1, 2, 3, ... with no gaps
 * @param actor who did it (a staff id, "system", "sync")
 * @param subject what it was done to (an event id, a staff id, a program id)
 */
public record AuditEntry(
    long seq,
    Instant at,
    String actor,
    AuditAction action,
    String subject,
    String detail,
    String previousHash,
    String hash) {
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
    if (seq < 1) {
      throw new IllegalArgumentException("audit entries count from 1");
    }
  }
}
