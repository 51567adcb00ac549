package com.stampcard.core.sync;

import java.util.List;
import java.util.UUID;

/** An account as the server holds it now, with every identifier that points at it. */
public record WireAccount(
    UUID id,
    String createdAt,
    String createdStore,
    String status,
    UUID mergedInto,
    List<WireIdentifier> identifiers) {}
