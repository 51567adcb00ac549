package com.stampcard.core.sync;

/**
 * An identifier: kind, value and, for an app device, its public key (base64, uncompressed P-256).
 */
public record WireIdentifier(
    String kind, String value, String publicKey, String linkedAt, String revokedAt) {}
