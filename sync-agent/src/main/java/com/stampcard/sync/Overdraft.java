package com.stampcard.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * A spending event the server found took a balance below zero (one card redeemed at two offline
 * tills). Both events are kept; this is for the manager to review.
 */
public record Overdraft(
    UUID eventId, UUID account, String program, String till, long unitsAfter, Instant foundAt) {}
