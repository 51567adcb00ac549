package com.stampcard.server.db;

/** The database failed a statement the server could not retry. */
public class DatabaseException extends RuntimeException {
  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
