package com.stampcard.core.sync;

/**
 * The server spent the card under this event id (now or on an earlier try of the same request).
 *
 * @param unitsLeft what the balance holds after this spend and the other open online spends
 */
public record SpendResponse(String eventId, long unitsLeft) {}
