package com.stampcard.pos.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.stampcard.core.ledger.EventType;
import com.stampcard.pos.testing.TillRig;
import com.stampcard.pos.ui.controls.CameraPreview;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The camera through webcam-capture's pipeline with the file-fed driver: the counter shows its live
 * preview with the square, and a QR code held up to it gives a stamp.
 */
class CameraFlowTest extends TillUiTest {
  private static final String CARD = "2900000000018";

  @Test
  void aCodeShownToTheCameraGivesAStampAndThePreviewShowsTheSquare() throws Exception {
    TillRig.CAMERA.plug();
    TillRig.CAMERA.show(frame(null));
    start("--readers.camera=counter");
    logInAndChoose("anna", "1234", "coffee-card");
    until(() -> visible("#camera-preview") && visible("#camera-square"));
    long before = framesShown();
    Thread.sleep(1_000);
    // about 15 frames a second reach the screen; a loaded machine still shows most of them
    assertThat(framesShown() - before).isBetween(5L, 20L);
    Rectangle square =
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#camera-square").queryAs(Rectangle.class))
            .get();
    // 60% of the 480-pixel height, drawn at 400/640 of the frame's size
    assertThat(square.getWidth())
        .isCloseTo(288 * 400.0 / 640, org.assertj.core.data.Offset.offset(1.0));

    TillRig.CAMERA.show(frame(CARD));
    until(() -> visible("#panel-given") && text("#panel-given #card-count").startsWith("1 "));
    assertThat(rig.count(EventType.STAMP)).isEqualTo(1);
    screenshot("30-camera-stamp");
  }

  private long framesShown() throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () -> robot.lookup("#camera-preview").queryAs(CameraPreview.class).framesShown())
        .get();
  }

  /** A 640×480 camera picture: white, with {@code code} as a QR code in the middle if given. */
  private static BufferedImage frame(String code) throws Exception {
    BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 640, 480);
    if (code != null) {
      BitMatrix m = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, 220, 220);
      g.setColor(Color.BLACK);
      for (int y = 0; y < m.getHeight(); y++) {
        for (int x = 0; x < m.getWidth(); x++) {
          if (m.get(x, y)) {
            g.fillRect(210 + x, 130 + y, 1, 1);
          }
        }
      }
    }
    g.dispose();
    return img;
  }
}
