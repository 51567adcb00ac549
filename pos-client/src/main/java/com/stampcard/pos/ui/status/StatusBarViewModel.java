package com.stampcard.pos.ui.status;

import com.stampcard.pos.SyncStatus;
import com.stampcard.pos.ui.i18n.Msg;
import com.stampcard.readers.ReaderStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The status bar: shop and till, the readers, the link to the server, the time. The view calls
 * {@link #refresh()} once a second; everything it reads is in memory.
 */
public final class StatusBarViewModel {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  private final SyncStatus sync;
  private final Clock clock;
  private final ZoneId zone;
  private final StringProperty place;
  private final ObjectProperty<SyncStatus.Link> link = new SimpleObjectProperty<>();
  private final ObjectProperty<Msg> syncText = new SimpleObjectProperty<>();
  private final StringProperty time = new SimpleStringProperty("");
  private final ObservableList<ReaderLight> readers = FXCollections.observableArrayList();
  private Instant offlineSince;

  public StatusBarViewModel(
      SyncStatus sync, Clock clock, ZoneId zone, String shopName, String tillId) {
    this.sync = sync;
    this.clock = clock;
    this.zone = zone;
    this.place = new SimpleStringProperty(shopName + " · " + tillId);
    refresh();
  }

  public void refresh() {
    Instant now = clock.instant();
    time.set(CLOCK.format(now.atZone(zone)));
    SyncStatus.Snapshot s = sync.now();
    link.set(s.link());
    switch (s.link()) {
      case NO_SERVER -> {
        offlineSince = null;
        syncText.set(Msg.of("ui.sync.no-server"));
      }
      case ONLINE -> {
        offlineSince = null;
        long seconds =
            s.lastSync().map(t -> Math.max(0, Duration.between(t, now).toSeconds())).orElse(0L);
        syncText.set(
            s.waiting().isPresent() && s.waiting().getAsLong() > 0
                ? Msg.of("ui.sync.online-waiting", seconds, s.waiting().getAsLong())
                : Msg.of("ui.sync.online", seconds));
      }
      case OFFLINE -> {
        if (offlineSince == null) {
          offlineSince = s.lastSync().orElse(now);
        }
        String since = CLOCK.format(offlineSince.atZone(zone));
        syncText.set(
            s.waiting().isPresent() && s.waiting().getAsLong() > 0
                ? Msg.of("ui.sync.offline-waiting", since, s.waiting().getAsLong())
                : Msg.of("ui.sync.offline", since));
      }
    }
  }

  /**
   * A reader's new status.
   *
   * @return the state it had before, if it was known
   */
  public Optional<ReaderStatus.State> readerStatus(ReaderStatus status) {
    ReaderLight light =
        new ReaderLight(
            status.readerId(),
            ReaderLight.nameOf(status.readerId()),
            status.state(),
            status.detail());
    for (int i = 0; i < readers.size(); i++) {
      if (readers.get(i).readerId().equals(status.readerId())) {
        ReaderStatus.State before = readers.get(i).state();
        readers.set(i, light);
        return Optional.of(before);
      }
    }
    readers.add(light);
    return Optional.empty();
  }

  public ObservableList<ReaderLight> readers() {
    return readers;
  }

  public ReadOnlyStringProperty placeProperty() {
    return place;
  }

  public ReadOnlyObjectProperty<SyncStatus.Link> linkProperty() {
    return link;
  }

  public ReadOnlyObjectProperty<Msg> syncTextProperty() {
    return syncText;
  }

  public ReadOnlyStringProperty timeProperty() {
    return time;
  }
}
