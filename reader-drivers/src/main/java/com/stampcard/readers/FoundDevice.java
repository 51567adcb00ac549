package com.stampcard.readers;

/**
 * A device discovery saw.
 *
 * @param kind what sort of reader it could be
 * @param name the name to configure it by (port name, PC/SC reader name, camera name)
 */
public record FoundDevice(Kind kind, String name) {
  /** The sorts of reader. */
  public enum Kind {
    SERIAL,
    NFC,
    CAMERA
  }
}
