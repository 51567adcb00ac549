package com.stampcard.pos.ui.controls;

import com.stampcard.readers.camera.PreviewFrame;
import com.stampcard.readers.camera.TargetSquare;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

/**
 * The camera's live picture with the square where the customer holds the code. Frames arrive on the
 * UI thread; the pixels are copied into one reused image, so a steady stream makes no garbage
 * beyond the frames themselves.
 */
public final class CameraPreview extends StackPane {
  private final ImageView view = new ImageView();
  private final Rectangle square = new Rectangle();
  private final double width;
  private WritableImage image;
  private long framesShown;

  public CameraPreview(double width) {
    this.width = width;
    setId("camera-preview");
    getStyleClass().add("camera-preview");
    view.setFitWidth(width);
    view.setPreserveRatio(true);
    square.setId("camera-square");
    square.getStyleClass().add("camera-square");
    square.setFill(null);
    square.setStroke(javafx.scene.paint.Color.web("#22c55e"));
    square.setStrokeWidth(4);
    square.setManaged(false);
    square.setVisible(false);
    Pane overlay = new Pane(square);
    overlay.setMouseTransparent(true);
    getChildren().addAll(view, overlay);
    setMaxWidth(width);
  }

  /** Draws {@code frame} and its square. UI thread. */
  public void show(PreviewFrame frame) {
    if (image == null
        || (int) image.getWidth() != frame.width()
        || (int) image.getHeight() != frame.height()) {
      image = new WritableImage(frame.width(), frame.height());
      view.setImage(image);
    }
    image
        .getPixelWriter()
        .setPixels(
            0,
            0,
            frame.width(),
            frame.height(),
            PixelFormat.getIntArgbInstance(),
            frame.argb(),
            0,
            frame.width());
    double scale = width / frame.width();
    TargetSquare.Area a = frame.square();
    square.setX(a.left() * scale);
    square.setY(a.top() * scale);
    square.setWidth(a.width() * scale);
    square.setHeight(a.height() * scale);
    square.setVisible(true);
    framesShown++;
  }

  /** How many frames this preview has drawn. */
  public long framesShown() {
    return framesShown;
  }
}
