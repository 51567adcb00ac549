package com.stampcard.store.settings;

/** A setting is missing or wrong. The message names the file, the key and what is allowed. */
public final class SettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SettingsException(String message) {
    super(message);
  }

  public SettingsException(String message, Throwable cause) {
    super(message, cause);
  }
}
