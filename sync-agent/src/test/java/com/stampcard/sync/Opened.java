package com.stampcard.sync;

import java.util.ArrayList;
import java.util.List;

/** What a test opened (servers, tills, proxies, processes), closed in reverse order after it. */
final class Opened {
  private final List<AutoCloseable> things = new ArrayList<>();

  <T extends AutoCloseable> T keep(T thing) {
    things.add(thing);
    return thing;
  }

  void closeAll() throws Exception {
    for (int i = things.size() - 1; i >= 0; i--) {
      things.get(i).close();
    }
    things.clear();
  }
}
