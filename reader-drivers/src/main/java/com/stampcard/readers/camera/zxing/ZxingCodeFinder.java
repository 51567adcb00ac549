package com.stampcard.readers.camera.zxing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.stampcard.readers.camera.CodeFinder;
import com.stampcard.readers.camera.GrayFrame;
import com.stampcard.readers.camera.TargetSquare;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds QR codes (app codes), EAN-13 and Code128 (printed cards, static customer numbers) with
 * zxing. The only class that sees zxing types.
 */
public final class ZxingCodeFinder implements CodeFinder {
  private final MultiFormatReader reader = new MultiFormatReader();

  /**
   * @param tryHarder zxing's slower, more thorough search (about twice the time for 1D codes)
   */
  public ZxingCodeFinder(boolean tryHarder) {
    Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
    hints.put(
        DecodeHintType.POSSIBLE_FORMATS,
        List.of(BarcodeFormat.QR_CODE, BarcodeFormat.EAN_13, BarcodeFormat.CODE_128));
    if (tryHarder) {
      hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    }
    reader.setHints(hints);
  }

  @Override
  public Optional<String> find(GrayFrame frame, TargetSquare.Area area) {
    PlanarYUVLuminanceSource source =
        new PlanarYUVLuminanceSource(
            frame.luminance(),
            frame.width(),
            frame.height(),
            area.left(),
            area.top(),
            area.width(),
            area.height(),
            false);
    try {
      Result result = reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(source)));
      return Optional.of(result.getText());
    } catch (ReaderException notFound) {
      return Optional.empty();
    } finally {
      reader.reset();
    }
  }
}
