package com.stampcard.pos;

import com.stampcard.core.port.TillStore;
import com.stampcard.core.port.TillTransaction;
import com.stampcard.sync.SyncAgent;
import java.util.function.Function;

/**
 * The till's store with its sync agent woken after every committed transaction, so a stamp leaves
 * for the server at once instead of at the agent's next look. Waking only signals the agent's own
 * thread; the cashier's work never waits on the network.
 */
final class SyncOnCommit implements TillStore {
  private final TillStore store;
  private final SyncAgent agent;

  SyncOnCommit(TillStore store, SyncAgent agent) {
    this.store = store;
    this.agent = agent;
  }

  @Override
  public <T> T inTransaction(Function<TillTransaction, T> work) {
    T result = store.inTransaction(work);
    agent.wake();
    return result;
  }
}
