package com.stampcard.readers.nfc;

import java.time.Duration;
import java.util.Objects;

/**
 * An NFC reader as configured for the till.
 *
 * @param terminalName part of the reader's PC/SC name to match, case-insensitive ({@code ACR122},
 *     {@code Virtual PCD 00 00}); empty for the first reader found
 * @param aid the application id the Stampcard app answers to
 * @param retryInterval how often to look again for a reader or the service when they are gone
 */
public record NfcReaderConfig(String terminalName, byte[] aid, Duration retryInterval) {
  public NfcReaderConfig {
    Objects.requireNonNull(terminalName, "terminalName");
    Objects.requireNonNull(retryInterval, "retryInterval");
    aid = aid.clone();
    Apdus.select(aid); // checks the AID's length
  }

  public static NfcReaderConfig defaults(String terminalName) {
    return new NfcReaderConfig(terminalName, TapProtocol.STAMPCARD_AID, Duration.ofSeconds(1));
  }

  @Override
  public byte[] aid() {
    return aid.clone();
  }

  public NfcReaderConfig withRetryInterval(Duration r) {
    return new NfcReaderConfig(terminalName, aid, r);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NfcReaderConfig c
        && terminalName.equals(c.terminalName)
        && java.util.Arrays.equals(aid, c.aid)
        && retryInterval.equals(c.retryInterval);
  }

  @Override
  public int hashCode() {
    return Objects.hash(terminalName, java.util.Arrays.hashCode(aid), retryInterval);
  }

  @Override
  public String toString() {
    return "NfcReaderConfig[" + terminalName + ", aid " + Apdus.hex(aid) + "]";
  }
}
