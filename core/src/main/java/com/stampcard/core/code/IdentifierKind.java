package com.stampcard.core.code;

/** The kinds of identifier that find a customer's account, as stored with each identifier. */
public enum IdentifierKind {
  /** A printed card's 13-digit number. */
  PRINTED_CARD,
  /** A phone running the Stampcard app, known by the key id of the key it made. */
  APP_DEVICE,
  /** A plain NFC card, known by a hash of its UID. */
  NFC_UID,
  /** A magnetic stripe card, known by a hash of its account number. */
  MAGSTRIPE
}
