package com.stampcard.core.code;

/**
 * A code a customer showed at the counter, read and checked for form but not yet trusted: an app
 * code still needs its signature and time step checked by {@link AppCodeVerifier}.
 */
public sealed interface CustomerCode permits PrintedCard, AppCode, NfcCardUid, MagstripeCard {

  /** Which kind of identifier this code is. */
  IdentifierKind identifierKind();

  /**
   * The value stored with the identifier to find the account: the card number of a printed card,
   * the hex key id of an app device, and a domain-tagged SHA-256 hex digest for an NFC UID or a
   * magstripe account number. Never the raw UID or account number.
   */
  String identifierValue();
}
