package com.stampcard.core.port;

import java.util.function.Function;

/**
 * Port: the till's local store. Work runs in one transaction: all of it commits, or none of it does
 * (an exception rolls back). Callers run this on a worker thread, never the UI thread.
 */
public interface TillStore {
  <T> T inTransaction(Function<TillTransaction, T> work);
}
