package com.stampcard.core.sync;

import java.util.List;

/**
 * One push from a till: accounts it opened or changed (with their identifiers) and its events, in
 * any order. Pushing the same batch again changes nothing.
 */
public record PushRequest(List<WireAccount> accounts, List<WireEvent> events) {}
