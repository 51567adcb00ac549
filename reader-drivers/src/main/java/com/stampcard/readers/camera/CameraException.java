package com.stampcard.readers.camera;

/** A camera cannot be found, opened or read; the message says what to do. */
public final class CameraException extends Exception {
  public CameraException(String message, Throwable cause) {
    super(message, cause);
  }
}
