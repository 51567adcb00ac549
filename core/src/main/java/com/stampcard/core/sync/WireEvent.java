package com.stampcard.core.sync;

import java.util.List;
import java.util.UUID;

/**
 * A ledger event on the wire (API v1). Times are ISO-8601 instants. {@code tillSeq} is absent only
 * in an online redemption request, which the till makes before its store gives the event its place.
 */
public record WireEvent(
    UUID eventId,
    UUID accountId,
    String programId,
    Integer programVersion,
    String type,
    Long quantity,
    String storeId,
    String tillId,
    Long tillSeq,
    String cashierId,
    String occurredAt,
    Long hlc,
    String inputMethod,
    UUID refEventId,
    String reason,
    String approvedBy,
    List<String> flags) {}
