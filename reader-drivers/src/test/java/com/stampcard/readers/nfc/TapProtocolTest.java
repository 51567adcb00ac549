package com.stampcard.readers.nfc;

import static com.stampcard.readers.nfc.Cards.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TapProtocolTest {
  private final TapProtocol protocol = new TapProtocol();
  private final byte[] token = "1234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void selectCommandIsIso7816SelectByName() {
    assertThat(Apdus.select(TapProtocol.STAMPCARD_AID))
        .isEqualTo(hex("00 A4 04 00 07 F0 53 54 41 4D 50 01 00"));
    assertThatThrownBy(() -> Apdus.select(new byte[4])).hasMessageContaining("5 to 16 bytes");
  }

  @Test
  void responseSplitsDataAndStatusWord() {
    Apdus.Response r = Apdus.Response.parse(hex("01 02 90 00"));
    assertThat(r.data()).containsExactly(1, 2);
    assertThat(r.ok()).isTrue();
    assertThat(Apdus.Response.parse(hex("61 10")).moreData()).isTrue();
  }

  @Test
  void phoneWithTheAppGivesItsTokenAndIsNeverAskedForItsUid() throws Exception {
    List<byte[]> sent = new ArrayList<>();
    var phone = Cards.phone(TapProtocol.STAMPCARD_AID, token);
    TapResult r =
        protocol.read(
            c -> {
              sent.add(c);
              return phone.apply(c);
            });
    assertThat(r).isEqualTo(new TapResult.PhoneToken(token));
    assertThat(sent).hasSize(1);
  }

  @Test
  void longTokenIsFetchedWithGetResponse() throws Exception {
    TapResult r =
        protocol.read(
            c -> {
              if (Cards.isSelect(c)) {
                return hex("AA BB 61 02");
              }
              if (c[1] == (byte) 0xC0) {
                return hex("CC DD 90 00");
              }
              return Cards.INS_NOT_SUPPORTED;
            });
    assertThat(r).isEqualTo(new TapResult.PhoneToken(hex("AA BB CC DD")));
  }

  @Test
  void plainCardRefusingTheSelectIsKnownByItsUid() throws Exception {
    byte[] uid = hex("04 A2 24 6A 3B 5E 80");
    assertThat(protocol.read(Cards.plainCard(uid)::apply)).isEqualTo(new TapResult.CardUid(uid));
  }

  @Test
  void phoneWithoutTheAppAnswersUnknownAidSoItsUidIsAskedAndLeftToTheDecoder() throws Exception {
    byte[] otherAid = hex("A0 00 00 00 03 10 10");
    TapResult r = protocol.read(Cards.phone(otherAid, token)::apply);
    assertThat(r).isEqualTo(new TapResult.CardUid(hex("08 A1 B2 C3")));
  }

  @Test
  void cardWithoutUidIsRefusedWithItsStatusWord() throws Exception {
    TapResult r = protocol.read(c -> Cards.FUNCTION_NOT_SUPPORTED);
    assertThat(((TapResult.Failed) r).detail()).contains("6A 81");
  }

  @Test
  void cardLeavingMidReadIsAnException() {
    assertThatThrownBy(
            () ->
                protocol.read(
                    c -> {
                      throw new CardGoneException("gone", null);
                    }))
        .isInstanceOf(CardGoneException.class);
  }

  @Test
  void answerCutShortIsACardLeavingMidRead() {
    assertThatThrownBy(() -> protocol.read(c -> new byte[0]))
        .isInstanceOf(CardGoneException.class)
        .hasMessageContaining("cut short");
  }
}
