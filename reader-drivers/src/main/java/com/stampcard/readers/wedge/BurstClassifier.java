package com.stampcard.readers.wedge;

import java.util.Objects;
import java.util.Optional;

/**
 * Tells a scanner's burst of keystrokes from a person typing, the framing step of a keyboard-wedge
 * reader. Pure and single-threaded: it is told each character and end key with the time it came (in
 * nanoseconds from any fixed origin) and answers, when a burst ends, whether it was a scan.
 */
public final class BurstClassifier {
  private final WedgeConfig config;
  private final StringBuilder text = new StringBuilder();
  private long firstAt;
  private long lastAt;
  private long longestGap;

  public BurstClassifier(WedgeConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** What ended a burst. */
  public sealed interface Outcome permits Scan, Typing {}

  /** A scanner's burst: the code's text, prefix stripped and layout mapped back. */
  public record Scan(String text) implements Outcome {}

  /** A person typing, or something too short or too slow to be a scan; it is left alone. */
  public record Typing(String why) implements Outcome {}

  /** True while keys are being collected. */
  public boolean inBurst() {
    return text.length() > 0;
  }

  /** The number of characters collected so far. */
  public int length() {
    return text.length();
  }

  /**
   * A printable character arrived at {@code nanos}. A pause longer than {@code maxGap} before it
   * ends the previous burst, whose outcome is returned (only a suffix-less scanner makes a scan of
   * it).
   */
  public Optional<Outcome> character(char c, long nanos) {
    Optional<Outcome> ended = Optional.empty();
    if (inBurst() && nanos - lastAt > config.maxGap().toNanos()) {
      ended = Optional.of(finish(nanos, config.suffix() == WedgeConfig.Suffix.NONE));
    }
    if (!inBurst()) {
      firstAt = nanos;
      longestGap = 0;
    } else {
      longestGap = Math.max(longestGap, nanos - lastAt);
    }
    text.append(c);
    lastAt = nanos;
    return ended;
  }

  /**
   * Enter or Tab was pressed at {@code nanos}. Returns the burst's outcome when this key is the
   * configured suffix and a burst was under way.
   */
  public Optional<Outcome> endKey(boolean enter, long nanos) {
    WedgeConfig.Suffix s = config.suffix();
    boolean isSuffix =
        s == WedgeConfig.Suffix.ENTER_OR_TAB
            || (enter && s == WedgeConfig.Suffix.ENTER)
            || (!enter && s == WedgeConfig.Suffix.TAB);
    if (!isSuffix || !inBurst()) {
      return inBurst() ? Optional.of(finish(nanos, false)) : Optional.empty();
    }
    if (nanos - lastAt > config.maxGap().toNanos()) {
      return Optional.of(finish(nanos, false));
    }
    longestGap = Math.max(longestGap, nanos - lastAt);
    lastAt = nanos;
    return Optional.of(finish(nanos, true));
  }

  /**
   * Time has passed with no key. With no suffix configured, a burst quiet for {@code idleEnd} is
   * complete; with a suffix, one quiet for {@code maxGap} was a person.
   */
  public Optional<Outcome> idle(long nanos) {
    if (!inBurst()) {
      return Optional.empty();
    }
    long quiet = nanos - lastAt;
    if (config.suffix() == WedgeConfig.Suffix.NONE && quiet >= config.idleEnd().toNanos()) {
      return Optional.of(finish(nanos, true));
    }
    if (quiet > config.maxGap().toNanos()) {
      return Optional.of(finish(nanos, false));
    }
    return Optional.empty();
  }

  private Outcome finish(long nanos, boolean ended) {
    String burst = text.toString();
    int keys = burst.length();
    long span = lastAt - firstAt;
    text.setLength(0);
    if (!ended) {
      return new Typing("no " + config.suffix() + " after " + keys + " keys");
    }
    // gaps between keys (and to the suffix, which lastAt includes)
    int gaps = config.suffix() == WedgeConfig.Suffix.NONE ? keys - 1 : keys;
    if (gaps < 1) {
      return new Typing("a single key");
    }
    long average = span / gaps;
    if (average > config.maxAverageGap().toNanos()) {
      return new Typing("keys " + average / 1_000_000 + " ms apart on average");
    }
    if (longestGap > config.maxGap().toNanos()) {
      return new Typing("a pause of " + longestGap / 1_000_000 + " ms");
    }
    String code = burst;
    if (!config.prefix().isEmpty()) {
      if (!code.startsWith(config.prefix())) {
        return new Typing("no prefix");
      }
      code = code.substring(config.prefix().length());
    }
    if (code.length() < config.minLength()) {
      return new Typing(code.length() + " characters, fewer than " + config.minLength());
    }
    return new Scan(DigitLayout.mapBack(code, config.layouts()).orElse(code));
  }
}
