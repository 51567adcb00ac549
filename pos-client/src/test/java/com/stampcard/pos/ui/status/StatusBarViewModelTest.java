package com.stampcard.pos.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.till.MutableClock;
import com.stampcard.core.till.RedemptionAuthority;
import com.stampcard.pos.SyncStatus;
import com.stampcard.pos.testing.ServerFake;
import com.stampcard.pos.testing.TestTill;
import com.stampcard.pos.ui.i18n.Msg;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class StatusBarViewModelTest {
  private final MutableClock clock = new MutableClock(TestTill.NOON);
  private final ZoneId stockholm = ZoneId.of("Europe/Stockholm");

  @Test
  void aTillWithoutAServerSaysSo() {
    StatusBarViewModel bar =
        new StatusBarViewModel(
            SyncStatus.of(RedemptionAuthority.standaloneTill()),
            clock,
            stockholm,
            "Café Norr",
            "t1");

    assertThat(bar.syncTextProperty().get()).isEqualTo(Msg.of("ui.sync.no-server"));
    assertThat(bar.placeProperty().get()).isEqualTo("Café Norr · t1");
    assertThat(bar.timeProperty().get()).isEqualTo("12:00");
  }

  @Test
  void onlineItSaysHowLongAgoItSyncedAndOfflineSinceWhen() {
    ServerFake server = new ServerFake(TestTill.NOON);
    StatusBarViewModel bar =
        new StatusBarViewModel(SyncStatus.of(server), clock, stockholm, "Café Norr", "t1");
    clock.advance(Duration.ofSeconds(12));
    bar.refresh();
    assertThat(bar.syncTextProperty().get()).isEqualTo(Msg.of("ui.sync.online", 12L));

    server.online = false;
    clock.advance(Duration.ofMinutes(30));
    bar.refresh();
    assertThat(bar.syncTextProperty().get()).isEqualTo(Msg.of("ui.sync.offline", "12:00"));
    assertThat(bar.linkProperty().get()).isEqualTo(SyncStatus.Link.OFFLINE);
  }
}
