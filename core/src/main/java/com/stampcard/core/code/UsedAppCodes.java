package com.stampcard.core.code;

/**
 * Port: remembers which (device, time step) slots have given a valid app code, so a copy of a code
 * is refused. An entry older than the verifier's window can be forgotten, since a code that old is
 * refused as expired anyway. Implementations must be safe to call from several threads at once.
 */
public interface UsedAppCodes {

  /**
   * Marks the slot used, atomically.
   *
   * @param deviceKeyIdHex the device key id in lowercase hex
   * @param timeStep the code's time step
   * @return true if the slot was free and is now used; false if it was already used
   */
  boolean markUsed(String deviceKeyIdHex, long timeStep);
}
