package com.stampcard.core.sync;

/**
 * An online redemption: the REDEEM or POINTS_SPEND event the till will record, without till_seq.
 */
public record SpendRequest(WireEvent event) {}
