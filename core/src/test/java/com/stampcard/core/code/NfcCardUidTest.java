package com.stampcard.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NfcCardUidTest {

  @ParameterizedTest(name = "a UID of {0} bytes is a card")
  @ValueSource(ints = {4, 7, 10})
  void uidOfFourSevenOrTenBytesIsACard(int length) {
    byte[] uid = new byte[length];
    uid[0] = 0x04;

    assertThat(CustomerCodes.fromNfcUid(uid))
        .isInstanceOfSatisfying(
            CodeReading.Recognised.class,
            recognised ->
                assertThat(recognised.code())
                    .isInstanceOfSatisfying(
                        NfcCardUid.class, card -> assertThat(card.uidLength()).isEqualTo(length)));
  }

  @ParameterizedTest(name = "a UID of {0} bytes is refused")
  @ValueSource(ints = {1, 2, 3, 5, 6, 8, 9, 11, 16, 64})
  void uidOfAnyOtherLengthIsRefused(int length) {
    assertThat(CustomerCodes.fromNfcUid(new byte[length]))
        .isEqualTo(
            new CodeReading.NotACode(
                CodeProblem.NFC_UID_BAD_LENGTH,
                "UID of " + length + " bytes, expected 4, 7 or 10"));
  }

  @Test
  void noUidIsEmpty() {
    assertThat(problemOf(CustomerCodes.fromNfcUid(null))).isEqualTo(CodeProblem.EMPTY);
    assertThat(problemOf(CustomerCodes.fromNfcUid(new byte[0]))).isEqualTo(CodeProblem.EMPTY);
  }

  @Test
  void randomUidOfAPhoneIsRefused() {
    assertThat(problemOf(CustomerCodes.fromNfcUid(HexFormat.of().parseHex("08a1b2c3"))))
        .isEqualTo(CodeProblem.NFC_UID_RANDOM);
    assertThat(CustomerCodes.fromNfcUid(HexFormat.of().parseHex("08a1b2c3d4e5f6")))
        .isInstanceOf(CodeReading.Recognised.class);
  }

  @Test
  void identifierIsTheTaggedDigestOfTheUppercaseHexUid() {
    byte[] uid = HexFormat.of().parseHex("04a1b2c3d4e580");

    CustomerCode card = ((CodeReading.Recognised) CustomerCodes.fromNfcUid(uid)).code();

    assertThat(card.identifierKind()).isEqualTo(IdentifierKind.NFC_UID);
    // printf 'stampcard-nfc-uid:04A1B2C3D4E580' | sha256sum
    assertThat(card.identifierValue())
        .isEqualTo("1aa12b544a2bcfb300f981f7d484f370c2625cc378de5a7f43951d75172b4747");
    assertThat(NfcCardUid.ofUid(HexFormat.of().parseHex("deadbeef")).identifierValue())
        .isEqualTo("e6eaf7b41ba606be26e588e6704639f7048fd8207255bcd16c5d3a2c0c369db1");
  }

  @Property
  void uidNeverShowsInTheCard(@ForAll @Size(min = 7, max = 7) byte[] uid) {
    NfcCardUid card = NfcCardUid.ofUid(uid);
    String hex = HexFormat.of().formatHex(uid);

    assertThat(card.toString().toLowerCase()).doesNotContain(hex);
    assertThat(card.identifierValue()).doesNotContain(hex).hasSize(64);
    assertThat(NfcCardUid.ofUid(uid.clone())).isEqualTo(card);
  }

  @Property
  void anyBytesAreReadWithoutThrowing(@ForAll @Size(max = 20) byte[] uid) {
    assertThat(CustomerCodes.fromNfcUid(uid)).isNotNull();
  }

  @Test
  void uidOfAnotherLengthCannotBeACard() {
    assertThatThrownBy(() -> NfcCardUid.ofUid(new byte[5]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NfcCardUid("not a digest", 4))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static CodeProblem problemOf(CodeReading reading) {
    assertThat(reading).isInstanceOf(CodeReading.NotACode.class);
    return ((CodeReading.NotACode) reading).problem();
  }
}
