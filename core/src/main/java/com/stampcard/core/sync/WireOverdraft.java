package com.stampcard.core.sync;

import java.util.UUID;

/** A spending event that took a balance below zero: kept, and listed for the manager. */
public record WireOverdraft(
    UUID eventId,
    UUID accountId,
    String programId,
    String storeId,
    String tillId,
    long unitsAfter,
    String foundAt) {}
