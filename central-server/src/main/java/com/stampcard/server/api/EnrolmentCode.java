package com.stampcard.server.api;

/** A one-time code the back office hands to whoever installs a till. */
public record EnrolmentCode(String code, String storeId, String tillId, String expiresAt) {}
