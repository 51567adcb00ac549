package com.stampcard.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code till_sequence}: the last till_seq handed out at one till. */
@Entity
@Table(name = "till_sequence")
public class TillSequenceEntity {
  @Id
  @Column(name = "till_id")
  private String tillId;

  @Column(name = "last_seq", nullable = false)
  private long lastSeq;

  protected TillSequenceEntity() {}

  /** Hands out the next number. The caller holds the row's write lock. */
  public long next() {
    lastSeq = Math.addExact(lastSeq, 1);
    return lastSeq;
  }
}
