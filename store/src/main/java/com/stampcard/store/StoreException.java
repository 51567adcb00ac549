package com.stampcard.store;

/**
 * The database failed under the store: a lost connection, a full disk, a constraint the caller
 * broke, a lock not granted in time. The transaction was rolled back; nothing of it was kept.
 */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
