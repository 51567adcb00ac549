package com.stampcard.pos.register;

import com.stampcard.core.till.CustomerLookup;
import com.stampcard.core.till.PurchaseService;
import com.stampcard.pos.TillServices;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/** Wires the cash register's purchases and starts its local API when the configuration asks. */
public final class CashRegister {
  private static final System.Logger LOG = System.getLogger(CashRegister.class.getName());

  private CashRegister() {}

  /** The purchases service over the till's services. */
  public static PurchaseService purchases(
      TillServices services, RegisterSettings settings, Clock clock) {
    return new PurchaseService(
        services.store(),
        services.context(),
        new CustomerLookup(services.context(), clock),
        services.stamping(),
        services.corrections(),
        settings.justScannedWithin());
  }

  /**
   * Starts the API when enabled. A port that is taken is logged as an error and the till goes on
   * without the API: the counter must keep working; the register's requests are refused until IT
   * frees the port or sets another and restarts the till.
   */
  public static Optional<CashRegisterApi> startIfEnabled(
      TillServices services, RegisterSettings settings, String currency, Clock clock) {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          CashRegisterApi.start(purchases(services, settings, clock), settings, currency));
    } catch (IOException e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "The cash register API could not listen on 127.0.0.1:"
              + settings.port()
              + " ("
              + e.getMessage()
              + "). Free the port or set register.port to another, then restart the till.");
      return Optional.empty();
    }
  }
}
