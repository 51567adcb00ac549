package com.stampcard.core.sync;

import java.util.List;

/**
 * A page of changes after the cursor the till sent. Apply it and store {@code cursor} in one
 * transaction; ask again while {@code more}.
 *
 * @param reference programs, staff and stores, only when they differ from what the till reported
 */
public record PullResponse(
    List<WireEvent> events,
    List<WireAccount> accounts,
    List<WireOverdraft> overdrafts,
    WireReference reference,
    String cursor,
    boolean more) {}
