package com.stampcard.core.audit;

import com.stampcard.core.port.AuditPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An audit port over a list, for tests. Entries can be tampered with through {@link #entries}. */
public final class InMemoryAudit implements AuditPort {
  public final List<AuditEntry> entries = new ArrayList<>();

  @Override
  public Optional<AuditEntry> lastAuditEntry() {
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
  }

  @Override
  public void appendAudit(AuditEntry entry) {
    entries.add(entry);
  }

  @Override
  public List<AuditEntry> auditEntries(long fromSeq, int limit) {
    return entries.stream().filter(e -> e.seq() >= fromSeq).limit(limit).toList();
  }
}
