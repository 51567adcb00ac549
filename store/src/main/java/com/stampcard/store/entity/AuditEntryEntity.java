package com.stampcard.store.entity;

import com.stampcard.core.audit.AuditAction;
import com.stampcard.core.audit.AuditEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A row of {@code audit_entry}: one link of the hash chain. Never changed once written. */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntryEntity {
  @Id
  @Column(name = "seq")
  private long seq;

  @Column(name = "occurred_at", nullable = false)
  private Instant at;

  @Column(name = "actor", nullable = false)
  private String actor;

  @Column(name = "action", nullable = false)
  private String action;

  @Column(name = "subject", nullable = false)
  private String subject;

  @Column(name = "detail", nullable = false)
  private String detail;

  @Column(name = "previous_hash", nullable = false)
  private String previousHash;

  @Column(name = "hash", nullable = false)
  private String hash;

  protected AuditEntryEntity() {}

  /**
   * The entry as stored. Its time must already be whole microseconds (as {@code AuditLog} makes
   * it), or the stored entry would no longer match its hash.
   */
  public static AuditEntryEntity from(AuditEntry entry) {
    if (!Times.stored(entry.at()).equals(entry.at())) {
      throw new IllegalArgumentException(
          "audit entry "
              + entry.seq()
              + ": its time "
              + entry.at()
              + " has more than microsecond precision, which the database can't keep");
    }
    AuditEntryEntity e = new AuditEntryEntity();
    e.seq = entry.seq();
    e.at = entry.at();
    e.actor = entry.actor();
    e.action = entry.action().name();
    e.subject = entry.subject();
    e.detail = entry.detail();
    e.previousHash = entry.previousHash();
    e.hash = entry.hash();
    return e;
  }

  public AuditEntry toEntry() {
    return new AuditEntry(
        seq, at, actor, AuditAction.valueOf(action), subject, detail, previousHash, hash);
  }
}
