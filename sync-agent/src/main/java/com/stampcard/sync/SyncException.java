package com.stampcard.sync;

/** Sync could not go on: the message says why, for the till's status line and the log. */
public class SyncException extends RuntimeException {
  public SyncException(String message, Throwable cause) {
    super(message, cause);
  }
}
