package com.stampcard.server.testing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.openqa.selenium.By;

/**
 * The customer app open in a {@link Browser}: what it shows, read as a person or a scanner would.
 */
public final class AppPage {
  private final Browser browser;

  public AppPage(Browser browser) {
    this.browser = browser;
  }

  /** Opens the app at {@code base}/app/ and waits until its QR code shows. */
  public static AppPage open(Browser browser, String base) {
    browser.open(base + "/app/");
    AppPage page = new AppPage(browser);
    page.qrStep();
    return page;
  }

  /** The time step of the QR code on screen, once one shows. */
  public long qrStep() {
    return Long.parseLong(
        browser.await(
            20,
            d -> {
              String step = d.findElement(By.id("qr")).getAttribute("data-step");
              return step == null || step.isEmpty() ? null : step;
            }));
  }

  /** What a 2D scanner reads from the QR code on screen: the image decoded with zxing. */
  public String scanQr() {
    String src = browser.driver().findElement(By.id("qr")).getAttribute("src");
    String prefix = "base64,";
    byte[] image = Base64.getDecoder().decode(src.substring(src.indexOf(prefix) + prefix.length()));
    try {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(image));
      int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
      BinaryBitmap bitmap =
          new BinaryBitmap(
              new HybridBinarizer(new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels)));
      return new QRCodeReader()
          .decode(
              bitmap,
              Map.of(
                  DecodeHintType.POSSIBLE_FORMATS,
                  List.of(BarcodeFormat.QR_CODE),
                  DecodeHintType.PURE_BARCODE,
                  Boolean.TRUE))
          .getText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NotFoundException
        | com.google.zxing.ChecksumException
        | com.google.zxing.FormatException e) {
      throw new AssertionError("zxing can't read the QR code on screen: " + e, e);
    }
  }

  /** Waits for the next QR code (a new time step) after {@code step}. */
  public long nextQr(long step) {
    browser.await(40, d -> qrStep() > step);
    return qrStep();
  }

  /** Whether the QR codes of the coming time steps name {@code account} (waits for one to). */
  public boolean nextQrAccount(java.util.UUID account) {
    return browser.await(
        40,
        d -> {
          String digits = scanQr();
          com.stampcard.core.code.CodeReading r =
              com.stampcard.core.code.CustomerCodes.fromText(digits);
          return r instanceof com.stampcard.core.code.CodeReading.Recognised found
              && found.code() instanceof com.stampcard.core.code.AppCode code
              && code.accountId().equals(account);
        });
  }

  /** The customer number under the code, once the phone has registered. */
  public String customerNumber() {
    return browser.await(
        20,
        d -> {
          String text = d.findElement(By.id("number")).getText().replace(" ", "");
          return text.matches("\\d{13}") ? text : null;
        });
  }

  /** Waits until the card of {@code program} shows {@code units} and answers its text. */
  public String cardWith(String program, long units) {
    // read in one script: the cards are drawn anew on every change, so held elements go stale
    return browser.await(
        20,
        d ->
            (String)
                browser
                    .driver()
                    .executeScript(
                        "var c = document.querySelector('.card[data-program=\"' + arguments[0]"
                            + " + '\"][data-units=\"' + arguments[1] + '\"]');"
                            + " return c ? c.innerText : null;",
                        program,
                        String.valueOf(units)));
  }

  /** The banner's text once it shows {@code kind}. */
  public String banner(String kind) {
    return browser.await(
        20,
        d ->
            (String)
                browser
                    .driver()
                    .executeScript(
                        "var b = document.getElementById('banner');"
                            + " return !b.hidden && b.dataset.kind === arguments[0] ? b.innerText"
                            + " : null;",
                        kind));
  }

  /** The text of the element with this id now, or "" (read in one script: pages redraw). */
  public String text(String id) {
    Object text =
        browser
            .driver()
            .executeScript(
                "var e = document.getElementById(arguments[0]); return e ? e.innerText : '';", id);
    return text == null ? "" : text.toString();
  }

  /** Waits until the account panel has drawn itself: {@code logged-in} or {@code logged-out}. */
  public void awaitAccount(String state) {
    browser.await(
        20,
        d ->
            state.equals(
                browser
                    .driver()
                    .executeScript(
                        "return document.getElementById('account-panel').dataset.state")));
  }

  public Browser browser() {
    return browser;
  }
}
