package com.stampcard.server.report;

/** Small arithmetic shared by the reports. */
final class Ratio {
  private Ratio() {}

  /** {@code part / whole}, 0 when there is no whole. */
  static double of(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
