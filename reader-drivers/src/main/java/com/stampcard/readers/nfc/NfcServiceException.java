package com.stampcard.readers.nfc;

/** The PC/SC service cannot be used (not installed, not running); the message says what to do. */
public final class NfcServiceException extends Exception {
  public NfcServiceException(String message, Throwable cause) {
    super(message, cause);
  }
}
