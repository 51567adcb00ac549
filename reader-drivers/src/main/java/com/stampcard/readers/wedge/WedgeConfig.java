package com.stampcard.readers.wedge;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How to tell a keyboard-wedge scanner from a person at the keyboard.
 *
 * @param readerId the id reads carry
 * @param maxAverageGap a burst is a scan only if its keys came at most this far apart on average
 * @param maxGap a pause longer than this ends a burst (a person, or a new burst)
 * @param minLength the fewest characters a scan has (after the prefix)
 * @param prefix characters the scanner is set to send first, stripped; empty for none
 * @param suffix the key the scanner is set to send last
 * @param idleEnd with no suffix, how long after the last key a burst is taken as complete
 * @param layouts layout mix-ups to map back (digits typed through AZERTY or QWERTZ)
 */
public record WedgeConfig(
    String readerId,
    Duration maxAverageGap,
    Duration maxGap,
    int minLength,
    String prefix,
    Suffix suffix,
    Duration idleEnd,
    Set<DigitLayout> layouts) {

  /** What the scanner sends after a code. */
  public enum Suffix {
    ENTER,
    TAB,
    /** Enter or Tab, whichever comes. */
    ENTER_OR_TAB,
    /** Nothing: the end of a burst is a pause of {@code idleEnd}. */
    NONE
  }

  public WedgeConfig {
    Objects.requireNonNull(readerId, "readerId");
    Objects.requireNonNull(maxAverageGap, "maxAverageGap");
    Objects.requireNonNull(maxGap, "maxGap");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(suffix, "suffix");
    Objects.requireNonNull(idleEnd, "idleEnd");
    layouts = Set.copyOf(layouts);
    if (minLength < 1) {
      throw new IllegalArgumentException("minLength must be at least 1");
    }
    if (maxGap.compareTo(maxAverageGap) < 0) {
      throw new IllegalArgumentException("maxGap must not be shorter than maxAverageGap");
    }
  }

  /**
   * 30 ms average, 100 ms longest pause, 8 characters, no prefix, Enter or Tab, every layout
   * mapping.
   */
  public static WedgeConfig defaults() {
    return new WedgeConfig(
        "keyboard-wedge",
        Duration.ofMillis(30),
        Duration.ofMillis(100),
        8,
        "",
        Suffix.ENTER_OR_TAB,
        Duration.ofMillis(100),
        Set.of(DigitLayout.values()));
  }

  public WedgeConfig withSuffix(Suffix s) {
    return new WedgeConfig(readerId, maxAverageGap, maxGap, minLength, prefix, s, idleEnd, layouts);
  }

  public WedgeConfig withPrefix(String p) {
    return new WedgeConfig(readerId, maxAverageGap, maxGap, minLength, p, suffix, idleEnd, layouts);
  }

  public WedgeConfig withMinLength(int m) {
    return new WedgeConfig(readerId, maxAverageGap, maxGap, m, prefix, suffix, idleEnd, layouts);
  }

  public WedgeConfig withLayouts(Set<DigitLayout> l) {
    return new WedgeConfig(readerId, maxAverageGap, maxGap, minLength, prefix, suffix, idleEnd, l);
  }
}
