package com.stampcard.readers.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes the keyboard-wedge burst set, {@code src/test/resources/wedge/bursts.tsv}: one burst a
 * line, {@code SCANNER} or {@code PERSON}, the characters, and the milliseconds before each
 * character and before the final Enter. The timings are synthesised (seed 20261124) from the
 * profiles below, not recorded from devices; the file is kept so the set never changes.
 *
 * <ul>
 *   <li>Scanners: nominal 1, 2, 4, 8 or 16 ms between characters (USB HID polling and the scanner's
 *       inter-character delay setting), ±50% jitter, and in a third of the bursts one hiccup of
 *       30–60 ms (the OS scheduling the USB thread late).
 *   <li>People: 80–400 ms between keys (the usual 200–300 ms typist), fast typists with a mean of
 *       60–110 ms and occasional 25–40 ms rolls, numpad entry, and codes typed then Enter.
 * </ul>
 */
public final class GenerateWedgeBursts {
  private GenerateWedgeBursts() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources/wedge/bursts.tsv");
    Random r = new Random(20261124);
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      w.println("# kind\ttext\tgaps in ms before each character and before Enter");
      int[] nominal = {1, 2, 4, 8, 16};
      for (int i = 0; i < 300; i++) {
        int n = nominal[i % nominal.length];
        String text = code(r, i);
        int[] gaps = new int[text.length() + 1];
        for (int k = 0; k < gaps.length; k++) {
          gaps[k] = Math.max(0, (int) Math.round(n * (0.5 + r.nextDouble())));
        }
        if (i % 3 == 0) {
          gaps[1 + r.nextInt(gaps.length - 1)] = 30 + r.nextInt(31);
        }
        gaps[0] = 0;
        w.println(line("SCANNER", text, gaps));
      }
      for (int i = 0; i < 300; i++) {
        String text = i % 4 == 0 ? digits(r, 13) : code(r, i);
        if (text.length() > 40) {
          text = text.substring(0, 13 + r.nextInt(8)); // nobody types 245 digits
        }
        int[] gaps = new int[text.length() + 1];
        double mean;
        double spread;
        switch (i % 3) {
          case 0 -> {
            mean = 200 + r.nextInt(150);
            spread = 120;
          }
          case 1 -> {
            mean = 60 + r.nextInt(51);
            spread = 40;
          }
          default -> {
            mean = 110 + r.nextInt(60); // numpad
            spread = 60;
          }
        }
        for (int k = 0; k < gaps.length; k++) {
          double g = mean + (r.nextDouble() - 0.5) * spread;
          if (i % 3 == 1 && r.nextInt(6) == 0) {
            g = 25 + r.nextInt(16); // a fast roll over two keys
          }
          gaps[k] = (int) Math.max(20, Math.round(g));
        }
        gaps[0] = 0;
        w.println(line("PERSON", text, gaps));
      }
    }
    System.out.println("wrote " + out);
  }

  private static String code(Random r, int i) {
    return switch (i % 4) {
      case 0, 1 -> "29" + digits(r, 11);
      case 2 -> digits(r, 245); // an app code from a 2D scanner
      default -> ";" + digits(r, 16) + "=" + digits(r, 4) + "?"; // a magstripe track 2
    };
  }

  private static String digits(Random r, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int k = 0; k < n; k++) {
      b.append((char) ('0' + r.nextInt(10)));
    }
    return b.toString();
  }

  private static String line(String kind, String text, int[] gaps) {
    StringBuilder b = new StringBuilder(kind).append('\t').append(text).append('\t');
    for (int k = 0; k < gaps.length; k++) {
      b.append(k == 0 ? "" : ",").append(gaps[k]);
    }
    return b.toString();
  }
}
