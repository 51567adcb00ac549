package com.stampcard.server.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  final PasswordHasher hasher = new PasswordHasher();

  @Test
  void aPasswordMatchesItsArgon2idHashAndNothingElseDoes() {
    String hash = hasher.hash("coffee-every-day");
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("coffee");
    assertThat(hasher.matches("coffee-every-day", hash)).isTrue();
    assertThat(hasher.matches("coffee-every-day!", hash)).isFalse();
    assertThat(hasher.matches("coffee-every-day", "not a hash")).isFalse();
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
  }

  @Test
  void aHashMadeWithOtherCostsStillVerifies() {
    String cheap = new PasswordHasher(1024, 1).hash("old password");
    assertThat(hasher.matches("old password", cheap)).isTrue();
  }
}
