package com.stampcard.pos.cards;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.EAN13Writer;
import com.stampcard.core.code.PrintedCard;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Printed cards as an A4 PDF to print and cut: ten credit-card-sized cards a page, each with the
 * shop's name, the number as an EAN-13 barcode (drawn as vector bars, sharp at any printer's
 * resolution) and the number in digits for typing. The barcode's bars come from zxing's encoder,
 * the same library the till's camera decodes with.
 */
public final class CardSheet {
  private static final float MM = 72f / 25.4f;
  private static final float CARD_W = 85.6f * MM;
  private static final float CARD_H = 54f * MM;
  private static final int COLUMNS = 2;
  private static final int ROWS = 5;
  private static final float GAP = 6 * MM;

  /** Width of one barcode module: 0.33 mm, EAN-13's nominal size. */
  private static final float MODULE = 0.33f * MM;

  private final String shopName;

  public CardSheet(String shopName) {
    this.shopName = shopName;
  }

  /** Writes the cards, ten a page, as a PDF to {@code out}. */
  public void write(List<PrintedCard> cards, OutputStream out) throws IOException {
    try (PDDocument pdf = new PDDocument()) {
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      int perPage = COLUMNS * ROWS;
      for (int start = 0; start < cards.size(); start += perPage) {
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        float left = (PDRectangle.A4.getWidth() - COLUMNS * CARD_W - (COLUMNS - 1) * GAP) / 2;
        float top =
            PDRectangle.A4.getHeight()
                - (PDRectangle.A4.getHeight() - ROWS * CARD_H - (ROWS - 1) * GAP) / 2;
        try (PDPageContentStream ink = new PDPageContentStream(pdf, page)) {
          for (int i = 0; i < perPage && start + i < cards.size(); i++) {
            float x = left + (i % COLUMNS) * (CARD_W + GAP);
            float y = top - (i / COLUMNS + 1) * CARD_H - (i / COLUMNS) * GAP;
            card(ink, cards.get(start + i), x, y, bold, plain);
          }
        }
      }
      pdf.save(out);
    }
  }

  private void card(
      PDPageContentStream ink,
      PrintedCard card,
      float x,
      float y,
      PDType1Font bold,
      PDType1Font plain)
      throws IOException {
    // the cutting line
    ink.setStrokingColor(0.75f, 0.75f, 0.75f);
    ink.setLineWidth(0.5f);
    ink.addRect(x, y, CARD_W, CARD_H);
    ink.stroke();
    ink.setNonStrokingColor(0f, 0f, 0f);
    text(ink, bold, 13, printable(bold, shopName), x + 6 * MM, y + CARD_H - 10 * MM);
    BitMatrix bars = new EAN13Writer().encode(card.number(), BarcodeFormat.EAN_13, 0, 0);
    float barHeight = 18 * MM;
    float width = bars.getWidth() * MODULE;
    float barX = x + (CARD_W - width) / 2;
    float barY = y + 11 * MM;
    for (int column = 0; column < bars.getWidth(); column++) {
      if (bars.get(column, 0)) {
        ink.addRect(barX + column * MODULE, barY, MODULE, barHeight);
      }
    }
    ink.fill();
    String digits = card.grouped();
    float size = 11;
    float textWidth = plain.getStringWidth(digits) / 1000 * size;
    text(ink, plain, size, digits, x + (CARD_W - textWidth) / 2, y + 6 * MM);
  }

  private static void text(
      PDPageContentStream ink, PDType1Font font, float size, String text, float x, float y)
      throws IOException {
    ink.beginText();
    ink.setFont(font, size);
    ink.newLineAtOffset(x, y);
    ink.showText(text);
    ink.endText();
  }

  /** The shop's name in what the standard font can show; other characters become '?'. */
  private static String printable(PDType1Font font, String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              String one = new String(Character.toChars(c));
              try {
                font.encode(one);
                out.append(one);
              } catch (IOException | IllegalArgumentException e) {
                out.append('?');
              }
            });
    return out.toString();
  }
}
