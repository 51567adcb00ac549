package com.stampcard.server.db;

/** The database can't be reached: the server answers 503 and readiness fails. */
public final class DatabaseUnavailableException extends DatabaseException {
  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
