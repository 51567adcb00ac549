package com.stampcard.pos.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The start-up benchmark's baseline: a JVM that starts JavaFX, shows a window with a label and a
 * button and prints the till's "usable" line on its first laid-out frame. What any JavaFX app pays
 * on this machine before it does anything of its own, started the same way as the till.
 */
public final class HelloWindow {
  private HelloWindow() {}

  public static void main(String[] args) {
    Platform.startup(
        () -> {
          Stage stage = new Stage();
          Scene scene =
              new Scene(new VBox(new Label("Stampcard"), new Button("Log in")), 1280, 800);
          Runnable[] listener = new Runnable[1];
          listener[0] =
              () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                System.out.println(
                    StartupBenchmark.READY
                        + " "
                        + ManagementFactory.getRuntimeMXBean().getUptime()
                        + " ms after the JVM started");
                Platform.runLater(Platform::exit);
              };
          scene.addPostLayoutPulseListener(listener[0]);
          stage.setScene(scene);
          stage.show();
        });
  }
}
