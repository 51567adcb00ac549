package com.stampcard.pos.ui;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What the screens need from the configuration.
 *
 * @param shopName shown in the status bar and on the customer display
 * @param idleLogout a logged-in till untouched this long logs the cashier out
 * @param customerDisplay whether to open the window for the screen facing the customer
 */
public record UiSettings(
    Locale language,
    String currency,
    String shopName,
    Duration idleLogout,
    CustomerDisplay customerDisplay,
    int loginMaxFailures,
    Duration loginLockout) {

  /** Where the customer display goes. */
  public enum CustomerDisplay {
    /** On a second screen when there is one; none otherwise. */
    AUTO,
    /** Always, as a window (on the second screen when there is one). */
    ON,
    /** Never. */
    OFF
  }

  public UiSettings {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(shopName, "shopName");
    Objects.requireNonNull(idleLogout, "idleLogout");
    Objects.requireNonNull(customerDisplay, "customerDisplay");
    Objects.requireNonNull(loginLockout, "loginLockout");
  }
}
