package com.stampcard.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code program}: one version of a program, its rules as a JSON document (see {@code
 * ProgramDocument}). Versions are never changed: a change to the rules is a new row.
 */
@Entity
@Immutable
@Table(name = "program")
public class ProgramEntity {
  @EmbeddedId private Key key;

  @Column(name = "kind", nullable = false)
  private String kind;

  @Column(name = "definition", nullable = false)
  private String definition;

  @Column(name = "saved_at", nullable = false)
  private Instant savedAt;

  protected ProgramEntity() {}

  public ProgramEntity(String id, int version, String kind, String definition, Instant savedAt) {
    this.key = new Key(id, version);
    this.kind = kind;
    this.definition = definition;
    this.savedAt = Times.stored(savedAt);
  }

  public String id() {
    return key.id;
  }

  public int version() {
    return key.version;
  }

  public String definition() {
    return definition;
  }

  /** A program version's key. */
  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "id", nullable = false)
    private String id;

    @Column(name = "version", nullable = false)
    private int version;

    protected Key() {}

    public Key(String id, int version) {
      this.id = id;
      this.version = version;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key other && id.equals(other.id) && version == other.version;
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, version);
    }
  }
}
