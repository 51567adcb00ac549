package com.stampcard.store.seed;

import java.nio.file.Path;

/**
 * A seed file that can't be loaded: names the file, the key and what is allowed. Nothing was
 * loaded.
 */
public final class SeedFileException extends RuntimeException {
  private final Path file;

  public SeedFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
