package com.stampcard.readers.serial;

/**
 * The line settings of a serial port. Scanners almost all use 8 data bits, no parity, 1 stop bit;
 * only the baud rate varies.
 */
public record SerialSettings(int baudRate, int dataBits, int stopBits, Parity parity) {

  /** Parity bit. */
  public enum Parity {
    NONE,
    ODD,
    EVEN
  }

  public SerialSettings {
    if (baudRate < 50 || baudRate > 4_000_000) {
      throw new IllegalArgumentException("baud rate " + baudRate + " is not a serial baud rate");
    }
    if (dataBits < 5 || dataBits > 8) {
      throw new IllegalArgumentException("data bits must be 5 to 8, not " + dataBits);
    }
    if (stopBits != 1 && stopBits != 2) {
      throw new IllegalArgumentException("stop bits must be 1 or 2, not " + stopBits);
    }
  }

  /** 8 data bits, no parity, 1 stop bit at {@code baudRate}. */
  public static SerialSettings eightNone1(int baudRate) {
    return new SerialSettings(baudRate, 8, 1, Parity.NONE);
  }

  @Override
  public String toString() {
    return baudRate + " " + dataBits + parity.name().charAt(0) + stopBits;
  }
}
