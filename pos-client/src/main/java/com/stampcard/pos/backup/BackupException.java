package com.stampcard.pos.backup;

/** A backup or a restore that did not happen, with what IT can do about it. */
public final class BackupException extends RuntimeException {
  public BackupException(String message) {
    super(message);
  }

  public BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
