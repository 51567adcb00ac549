package com.stampcard.store.program;

/**
 * A document (a program's stored JSON, a seed file) that can't be read: names the key that is wrong
 * and what is allowed there.
 */
public final class DocumentException extends RuntimeException {
  private final String key;

  public DocumentException(String key, String problem) {
    super((key.isEmpty() ? "" : key + ": ") + problem);
    this.key = key;
  }

  public DocumentException(String key, String problem, Throwable cause) {
    super((key.isEmpty() ? "" : key + ": ") + problem, cause);
    this.key = key;
  }

  /** The key that is wrong, for example {@code programs[0].stampsRequired}; "" for the whole. */
  public String key() {
    return key;
  }
}
