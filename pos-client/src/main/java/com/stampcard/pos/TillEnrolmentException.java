package com.stampcard.pos;

/**
 * The till names a central server but has no credential for it, or the server refused or could not
 * take the one-time code: start-up stops with what IT must do.
 */
public final class TillEnrolmentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TillEnrolmentException(String message, Throwable cause) {
    super(message, cause);
  }
}
