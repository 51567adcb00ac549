package com.stampcard.readers.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerialFramerTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static List<String> lines(List<Frame> frames) {
    List<String> out = new ArrayList<>();
    for (Frame f : frames) {
      out.add(f instanceof Frame.Line l ? l.text() : "REJECTED " + ((Frame.Rejected) f).problem());
    }
    return out;
  }

  @Test
  void crFramingCutsAtCarriageReturnAndIgnoresLineFeeds() {
    SerialFramer f = new SerialFramer(Framing.cr(), StandardCharsets.US_ASCII, 64);
    assertThat(lines(f.accept(bytes("2900000000017\r\n29000000000"))))
        .containsExactly("2900000000017");
    assertThat(lines(f.accept(bytes("24\r")))).containsExactly("2900000000024");
  }

  @Test
  void lfFramingDropsACarriageReturnBeforeTheLineFeed() {
    SerialFramer f = new SerialFramer(Framing.lf(), StandardCharsets.US_ASCII, 64);
    assertThat(lines(f.accept(bytes("abc\r\ndef\n")))).containsExactly("abc", "def");
  }

  @Test
  void crLfFramingNeedsBothBytes() {
    SerialFramer f = new SerialFramer(Framing.crLf(), StandardCharsets.US_ASCII, 64);
    assertThat(f.accept(bytes("abc\r"))).isEmpty();
    assertThat(lines(f.accept(bytes("\nxyz\r\n")))).containsExactly("abc", "xyz");
    assertThat(lines(f.accept(bytes("a\nb\r\n")))).containsExactly("REJECTED NOT_TEXT");
  }

  @Test
  void stxEtxFramingTakesWhatIsBetweenAndReportsStrayBytes() {
    SerialFramer f = new SerialFramer(Framing.stxEtx(), StandardCharsets.US_ASCII, 64);
    assertThat(lines(f.accept(bytes("\u0002123\u0003\r\n\u0002456\u0003"))))
        .containsExactly("123", "456");
    assertThat(lines(f.accept(bytes("junk\u0002789\u0003"))))
        .containsExactly("REJECTED OUTSIDE_FRAME", "789");
  }

  @Test
  void stxWithoutEtxIsReportedWhenTheNextFrameStarts() {
    SerialFramer f = new SerialFramer(Framing.stxEtx(), StandardCharsets.US_ASCII, 64);
    assertThat(lines(f.accept(bytes("\u0002123\u0002456\u0003"))))
        .containsExactly("REJECTED UNTERMINATED", "456");
  }

  @Test
  void fixedLengthCutsEveryNBytesAndRejectsAStubAfterSilence() {
    SerialFramer f = new SerialFramer(Framing.fixedLength(4), StandardCharsets.US_ASCII, 8);
    assertThat(lines(f.accept(bytes("abcdefgh12")))).containsExactly("abcd", "efgh");
    assertThat(lines(f.idle())).containsExactly("REJECTED UNTERMINATED");
    assertThat(lines(f.accept(bytes("wxyz")))).containsExactly("wxyz");
  }

  @Test
  void overlongLineIsRejectedOnceAndTheNextLineIsReadAgain() {
    SerialFramer f = new SerialFramer(Framing.cr(), StandardCharsets.US_ASCII, 8);
    List<Frame> frames = f.accept(bytes("0123456789012345678\r2900000000017\r"));
    assertThat(lines(frames)).containsExactly("REJECTED OVERLONG", "REJECTED OVERLONG");
    SerialFramer g = new SerialFramer(Framing.cr(), StandardCharsets.US_ASCII, 16);
    assertThat(lines(g.accept(bytes("0123456789012345678\r2900000000017\r"))))
        .containsExactly("REJECTED OVERLONG", "2900000000017");
    Frame.Rejected r = (Frame.Rejected) g.accept(bytes("x".repeat(17))).get(0);
    assertThat(r.detail()).contains("more than 16 bytes with no CR");
  }

  @Test
  void bytesThatAreNotTextAreRejectedWithTheBytesShown() {
    SerialFramer f = new SerialFramer(Framing.cr(), StandardCharsets.US_ASCII, 64);
    Frame.Rejected r = (Frame.Rejected) f.accept(new byte[] {0x31, (byte) 0xF7, 0x0D}).get(0);
    assertThat(r.problem()).isEqualTo(FramingProblem.NOT_TEXT);
    assertThat(r.detail()).contains("2 bytes that are not US-ASCII text");
    Frame.Rejected c = (Frame.Rejected) f.accept(bytes("12\u000734\r")).get(0);
    assertThat(c.problem()).isEqualTo(FramingProblem.NOT_TEXT);
    assertThat(c.detail()).contains("0x07 at position 3 of 5");
  }

  @Test
  void charsetIsHonoured() {
    SerialFramer utf8 = new SerialFramer(Framing.cr(), StandardCharsets.UTF_8, 64);
    assertThat(lines(utf8.accept("Åsa\r".getBytes(StandardCharsets.UTF_8)))).containsExactly("Åsa");
    SerialFramer latin1 = new SerialFramer(Framing.cr(), StandardCharsets.ISO_8859_1, 64);
    assertThat(lines(latin1.accept("Åsa\r".getBytes(StandardCharsets.ISO_8859_1))))
        .containsExactly("Åsa");
  }

  @Test
  void lineWithoutItsEndMarkerIsRejectedWhenTheLineGoesQuiet() {
    SerialFramer f = new SerialFramer(Framing.cr(), StandardCharsets.US_ASCII, 64);
    assertThat(f.accept(bytes("2900000000017"))).isEmpty();
    Frame.Rejected r = (Frame.Rejected) f.idle().get(0);
    assertThat(r.problem()).isEqualTo(FramingProblem.UNTERMINATED);
    assertThat(r.detail())
        .contains("13 bytes with no CR")
        .contains("set the scanner's suffix to CR");
    assertThat(r.raw()).isEqualTo(new com.stampcard.readers.RawInput.Bytes(bytes("2900000000017")));
    assertThat(f.idle()).isEmpty();
  }

  @Test
  void rejectionDetailsNeverRepeatTheInputWhichMayBeACardNumber() {
    SerialFramer f = new SerialFramer(Framing.stxEtx(), StandardCharsets.US_ASCII, 16);
    List<Frame> frames = new ArrayList<>();
    frames.addAll(f.accept(bytes("2900000000017\u0002")));
    frames.addAll(f.accept(bytes("29000000000170000\u0003")));
    frames.addAll(f.accept(bytes("\u00022900000000017\u0007\u0003")));
    frames.addAll(f.accept(bytes("\u00022900000000017")));
    frames.addAll(f.idle());
    assertThat(frames).hasSize(4).allMatch(fr -> fr instanceof Frame.Rejected);
    assertThat(frames)
        .allSatisfy(fr -> assertThat(((Frame.Rejected) fr).detail()).doesNotContain("290000"));
  }

  @Test
  void emptyLinesAreNotReads() {
    SerialFramer f = new SerialFramer(Framing.lf(), StandardCharsets.US_ASCII, 64);
    assertThat(f.accept(bytes("\n\r\n\n"))).isEmpty();
  }

  @Test
  void framingIsParsedFromConfiguration() {
    assertThat(Framing.parse("crlf")).isEqualTo(Framing.crLf());
    assertThat(Framing.parse("FIXED:13")).isEqualTo(Framing.fixedLength(13));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Framing.parse("TAB"))
        .hasMessageContaining("CR, LF, CRLF, STX_ETX, FIXED:<length>");
  }
}
