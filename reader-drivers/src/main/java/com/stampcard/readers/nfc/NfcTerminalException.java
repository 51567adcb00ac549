package com.stampcard.readers.nfc;

/** A reader stopped answering: unplugged, or the PC/SC service went away. */
public final class NfcTerminalException extends Exception {
  public NfcTerminalException(String message, Throwable cause) {
    super(message, cause);
  }
}
