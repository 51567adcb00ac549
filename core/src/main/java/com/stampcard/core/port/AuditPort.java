package com.stampcard.core.port;

import com.stampcard.core.audit.AuditEntry;
import java.util.List;
import java.util.Optional;

/** Port: the hash-chained audit log. Append only. */
public interface AuditPort {
  Optional<AuditEntry> lastAuditEntry();

  void appendAudit(AuditEntry entry);

  /** Entries from sequence number {@code fromSeq} on, in order, at most {@code limit}. */
  List<AuditEntry> auditEntries(long fromSeq, int limit);
}
