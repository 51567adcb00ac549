package com.stampcard.readers.nfc;

import java.io.ByteArrayOutputStream;

/**
 * What the till says to whatever is on the NFC reader, the transport-independent part of a tap.
 *
 * <p>First SELECT of Stampcard's AID: a phone running the Stampcard app answers with the same
 * signed token as its QR code. Anything that refuses the SELECT is asked for its UID with the PC/SC
 * pseudo-APDU {@code FF CA 00 00 00}. Whether a token or UID is usable (a phone's random UID is
 * not) is for the decoding step, {@code CustomerCodes}, to say.
 */
public final class TapProtocol {

  /** Stampcard's application id: proprietary (F0), then "STAMP", then version 01. */
  public static final byte[] STAMPCARD_AID = {(byte) 0xF0, 0x53, 0x54, 0x41, 0x4D, 0x50, 0x01};

  private static final int MAX_GET_RESPONSES = 16;

  private final byte[] aid;

  public TapProtocol(byte[] aid) {
    Apdus.select(aid); // validates the length
    this.aid = aid.clone();
  }

  public TapProtocol() {
    this(STAMPCARD_AID);
  }

  /**
   * Reads one tap through {@code card}.
   *
   * @throws CardGoneException when the card left before the exchange was over
   */
  public TapResult read(ApduChannel card) throws CardGoneException {
    Apdus.Response selected = exchange(card, Apdus.select(aid));
    if (selected.ok()) {
      return new TapResult.PhoneToken(selected.data());
    }
    Apdus.Response uid = exchange(card, Apdus.GET_UID);
    if (!uid.ok()) {
      return new TapResult.Failed(
          "the card gives no UID (it answered " + uid.swText() + "): it cannot be used here",
          uid.data());
    }
    return new TapResult.CardUid(uid.data());
  }

  /** Sends {@code command}, and fetches the rest of the answer while the card says 61xx. */
  private static Apdus.Response exchange(ApduChannel card, byte[] command)
      throws CardGoneException {
    Apdus.Response r = parse(card.transmit(command));
    if (!r.moreData()) {
      return r;
    }
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.writeBytes(r.data());
    for (int i = 0; i < MAX_GET_RESPONSES && r.moreData(); i++) {
      r = parse(card.transmit(Apdus.getResponse(r.sw() & 0xFF)));
      data.writeBytes(r.data());
    }
    return new Apdus.Response(data.toByteArray(), r.sw());
  }

  /** An answer too short to be a response APDU comes from a card leaving mid-answer. */
  private static Apdus.Response parse(byte[] answer) throws CardGoneException {
    try {
      return Apdus.Response.parse(answer);
    } catch (IllegalArgumentException e) {
      throw new CardGoneException("the card's answer was cut short", e);
    }
  }
}
