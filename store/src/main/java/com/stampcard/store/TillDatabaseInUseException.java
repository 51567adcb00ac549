package com.stampcard.store;

import java.nio.file.Path;

/** The till's database file is open in another process: two tills can't share one file. */
public final class TillDatabaseInUseException extends StoreException {
  private final Path file;

  public TillDatabaseInUseException(Path file, Throwable cause) {
    super(
        "the till database " + file + " is in use by another Stampcard process; close it first",
        cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
