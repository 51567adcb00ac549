package com.stampcard.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code used_app_code}: a (device, time step) slot that gave a valid app code. Written
 * with plain SQL by the store (see {@code markUsed}); mapped so queries can read and prune it.
 */
@Entity
@Immutable
@Table(name = "used_app_code")
public class UsedAppCodeEntity {
  @EmbeddedId private Key key;

  protected UsedAppCodeEntity() {}

  /** The slot. */
  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "device_key_id", nullable = false)
    private String deviceKeyId;

    @Column(name = "time_step", nullable = false)
    private long timeStep;

    protected Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key other
          && deviceKeyId.equals(other.deviceKeyId)
          && timeStep == other.timeStep;
    }

    @Override
    public int hashCode() {
      return Objects.hash(deviceKeyId, timeStep);
    }
  }
}
