package com.stampcard.readers.camera;

import java.time.Duration;

/**
 * A code held in front of the camera is in every frame; it is one read. A code counts again only
 * once it has been out of sight for {@code forgetAfter}. Pure; one thread.
 */
public final class RepeatFilter {
  private final long forgetAfterNanos;
  private String lastText;
  private long lastSeen;

  public RepeatFilter(Duration forgetAfter) {
    this.forgetAfterNanos = forgetAfter.toNanos();
  }

  /** True when {@code text}, seen at {@code nanos}, is a new read. */
  public boolean isNew(String text, long nanos) {
    boolean same = text.equals(lastText) && nanos - lastSeen < forgetAfterNanos;
    lastText = text;
    lastSeen = nanos;
    return !same;
  }
}
