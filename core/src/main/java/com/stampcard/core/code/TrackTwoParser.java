package com.stampcard.core.code;

/**
 * Reads ISO 7813 track 2 as a magstripe reader types it: {@code ;PAN=YYMMSSS…?} then perhaps an LRC
 * character. Keyboard-wedge readers often strip the sentinels, so both are optional; a reader that
 * sends track 1 first ({@code %B…?}) or track 3 after is fine too. Details in refusals never hold
 * the PAN.
 */
final class TrackTwoParser {
  /** Characters between the sentinels: 40 on the stripe less start, end and LRC. */
  private static final int LONGEST_TRACK = 37;

  /** Expiry date YYMM and the 3-digit service code. */
  private static final int EXPIRY_AND_SERVICE_CODE = 7;

  private TrackTwoParser() {}

  /** Whether {@code text} (trimmed) is meant as a magstripe track. */
  static boolean isMeantAsTrack(String text) {
    char first = text.charAt(0);
    if (first == ';' || first == '%') {
      return true;
    }
    int i = 0;
    while (i < text.length() && AsciiDigits.isDigit(text.charAt(i))) {
      i++;
    }
    return i > 0 && i < text.length() && text.charAt(i) == '=';
  }

  /** Reads text for which {@link #isMeantAsTrack} holds. */
  static CodeReading read(String text) {
    try {
      return new CodeReading.Recognised(MagstripeCard.ofPan(pan(text)));
    } catch (Refusal refusal) {
      return refusal.reading();
    }
  }

  private static String pan(String text) throws Refusal {
    String track = text;
    if (track.startsWith("%")) {
      int start = track.indexOf(';');
      if (start < 0) {
        throw malformed("track 1 only, no track 2");
      }
      track = track.substring(start);
    }
    if (track.startsWith(";")) {
      track = track.substring(1);
    }
    int end = track.indexOf('?');
    if (end >= 0) {
      String after = track.substring(end + 1);
      // After the end sentinel: nothing, an LRC character, or the next track.
      if (after.length() > 1 && after.charAt(0) != ';' && after.charAt(1) != ';') {
        throw malformed(after.length() + " characters after the end sentinel");
      }
      track = track.substring(0, end);
    }
    if (track.length() > LONGEST_TRACK) {
      throw malformed(track.length() + " characters, track 2 holds at most " + LONGEST_TRACK);
    }
    int separator = track.indexOf('=');
    if (separator < 0) {
      throw malformed("no field separator '='");
    }
    String pan = track.substring(0, separator);
    if (!MagstripeCard.isPan(pan)) {
      throw malformed(
          "account number is "
              + pan.length()
              + " characters"
              + (AsciiDigits.all(pan) ? "" : " with a non-digit")
              + ", expected "
              + MagstripeCard.SHORTEST_PAN
              + " to "
              + MagstripeCard.LONGEST_PAN
              + " digits");
    }
    String rest = track.substring(separator + 1);
    if (rest.length() < EXPIRY_AND_SERVICE_CODE) {
      throw malformed("expiry date or service code missing");
    }
    if (!AsciiDigits.all(rest)) {
      throw malformed("non-digit after the field separator");
    }
    return pan;
  }

  private static Refusal malformed(String detail) {
    return new Refusal(CodeProblem.MAGSTRIPE_MALFORMED, detail);
  }
}
