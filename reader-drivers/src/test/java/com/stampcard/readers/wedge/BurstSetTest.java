package com.stampcard.readers.wedge;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.readers.bench.WedgeBursts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every burst of the keyboard-wedge set is classified right with the default settings. */
class BurstSetTest {
  @Test
  void everyScannerBurstIsAScanAndEveryPersonIsTyping() throws Exception {
    List<WedgeBursts.Burst> bursts = WedgeBursts.load();
    assertThat(bursts).hasSize(600);
    for (WedgeBursts.Burst b : bursts) {
      boolean scan =
          WedgeBursts.replay(new BurstClassifier(WedgeConfig.defaults()), b, 0).orElseThrow()
              instanceof BurstClassifier.Scan;
      assertThat(scan).as("%s, %.1f ms average", b.text(), b.averageGapMs()).isEqualTo(b.scanner());
    }
  }
}
