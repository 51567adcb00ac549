package com.stampcard.pos.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import com.stampcard.core.code.PrintedCard;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** The card sheet read back as a printer would print it: rendered by PDFBox, decoded by zxing. */
public class CardSheetTest {
  @Test
  void everyCardOnTheSheetScansBackToItsNumber() throws Exception {
    List<PrintedCard> cards =
        LongStream.of(1, 42, 1234567890L, 9_999_999_999L, 5, 6, 7, 8, 9, 10, 11, 12)
            .mapToObj(PrintedCard::fromSerial)
            .toList();
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();

    new CardSheet("Café Norr").write(cards, pdf);

    List<String> read = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
      assertThat(document.getNumberOfPages()).isEqualTo(2);
      PDFRenderer renderer = new PDFRenderer(document);
      for (int page = 0; page < document.getNumberOfPages(); page++) {
        BufferedImage image = renderer.renderImageWithDPI(page, 200, ImageType.RGB);
        read.addAll(decodeEveryCard(image));
      }
    }
    assertThat(read)
        .containsExactlyInAnyOrderElementsOf(cards.stream().map(PrintedCard::number).toList());
  }

  /** Every card number on the sheet, as zxing reads them from PDFBox's rendering at 200 dpi. */
  public static List<String> readBack(byte[] pdf) throws java.io.IOException, NotFoundException {
    List<String> read = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(document);
      for (int page = 0; page < document.getNumberOfPages(); page++) {
        read.addAll(decodeEveryCard(renderer.renderImageWithDPI(page, 200, ImageType.RGB)));
      }
    }
    return read;
  }

  /** Cuts the page into its card slots (two columns, five rows) and decodes each. */
  private static List<String> decodeEveryCard(BufferedImage page) throws NotFoundException {
    List<String> out = new ArrayList<>();
    int w = page.getWidth();
    int h = page.getHeight();
    for (int row = 0; row < 5; row++) {
      for (int column = 0; column < 2; column++) {
        BufferedImage slot = page.getSubimage(column * w / 2, row * h / 5, w / 2, h / 5);
        int[] pixels =
            slot.getRGB(0, 0, slot.getWidth(), slot.getHeight(), null, 0, slot.getWidth());
        BinaryBitmap bitmap =
            new BinaryBitmap(
                new HybridBinarizer(
                    new RGBLuminanceSource(slot.getWidth(), slot.getHeight(), pixels)));
        try {
          Result[] results =
              new GenericMultipleBarcodeReader(new MultiFormatReader())
                  .decodeMultiple(
                      bitmap,
                      Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.EAN_13)));
          for (Result r : results) {
            out.add(r.getText());
          }
        } catch (NotFoundException empty) {
          // an empty slot on the last page
        }
      }
    }
    return out;
  }
}
