package com.stampcard.pos.ui.status;

import com.stampcard.pos.SyncStatus;
import com.stampcard.pos.ui.controls.TillControls;
import com.stampcard.pos.ui.i18n.Texts;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The status bar, always there: shop and till, the readers, the link to the server, the time. The
 * readers show as lights, green when they can read.
 */
public final class StatusBarView {
  private final StatusBarViewModel vm;
  private final Texts texts;
  private final HBox root = new HBox(24);
  private final HBox readers = new HBox(16);
  private final Timeline ticker;

  public StatusBarView(StatusBarViewModel vm, Texts texts) {
    this.vm = vm;
    this.texts = texts;
    ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.refresh()));
    ticker.setCycleCount(Animation.INDEFINITE);
    build();
  }

  public Node node() {
    return root;
  }

  public void start() {
    ticker.play();
  }

  public void stop() {
    ticker.stop();
  }

  private void drawReaders() {
    readers.getChildren().clear();
    for (ReaderLight light : vm.readers()) {
      Label l = new Label();
      l.textProperty().bind(texts.of(light.name().key()));
      l.setGraphic(TillControls.icon(MaterialDesignC.CIRCLE, 14));
      l.getStyleClass()
          .addAll("reader-light", light.state().name().toLowerCase(java.util.Locale.ROOT));
      l.setId("reader-" + light.readerId().replaceAll("[^A-Za-z0-9-]", "-"));
      if (!light.detail().isEmpty()) {
        l.setTooltip(new Tooltip(light.detail()));
      }
      readers.getChildren().add(l);
    }
  }

  private void build() {
    root.getStyleClass().add("status-bar");
    root.setAlignment(Pos.CENTER_LEFT);
    Label place = new Label();
    place.textProperty().bind(vm.placeProperty());
    place.getStyleClass().add("status-place");
    readers.setAlignment(Pos.CENTER_LEFT);
    readers.setId("reader-lights");
    vm.readers().addListener((ListChangeListener<ReaderLight>) c -> drawReaders());
    drawReaders();

    FontIcon syncIcon = new FontIcon();
    TillControls.size(syncIcon, 24);
    syncIcon
        .iconCodeProperty()
        .bind(
            Bindings.createObjectBinding(
                () ->
                    vm.linkProperty().get() == null
                        ? MaterialDesignS.SERVER_OFF
                        : switch (vm.linkProperty().get()) {
                          case NO_SERVER -> MaterialDesignS.SERVER_OFF;
                          case ONLINE -> MaterialDesignC.CLOUD_CHECK_OUTLINE;
                          case OFFLINE -> MaterialDesignC.CLOUD_OFF_OUTLINE;
                        },
                vm.linkProperty()));
    Label sync = TillControls.text(texts.of(vm.syncTextProperty()), "status-sync");
    sync.setId("sync-status");
    sync.setWrapText(false);
    sync.setGraphic(syncIcon);
    vm.linkProperty()
        .addListener(
            (o, before, now) -> {
              sync.getStyleClass().removeAll("link-no_server", "link-online", "link-offline");
              sync.getStyleClass().add("link-" + now.name().toLowerCase(java.util.Locale.ROOT));
            });
    SyncStatus.Link link = vm.linkProperty().get();
    if (link != null) {
      sync.getStyleClass().add("link-" + link.name().toLowerCase(java.util.Locale.ROOT));
    }
    Label time = new Label();
    time.textProperty().bind(vm.timeProperty());
    time.getStyleClass().add("status-time");
    root.getChildren().addAll(place, TillControls.grow(), readers, sync, time);
  }
}
