package com.stampcard.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BalanceTest {
  private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

  @Test
  void tenStampsMakeAFullCardAndARedemptionSpendsIt() {
    List<LedgerEvent> events = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      events.add(Events.stamp().at(T0.plusSeconds(i)).build());
    }
    Balance full = Balance.fold(Events.ACCOUNT, Events.COFFEE, events);
    assertThat(new StampCard(10, full.units()).full()).isTrue();
    events.add(Events.of(EventType.REDEEM, -10).at(T0.plusSeconds(20)).build());
    Balance spent = Balance.fold(Events.ACCOUNT, Events.COFFEE, events);
    assertThat(spent.units()).isZero();
    assertThat(spent.lastSpentAt()).contains(T0.plusSeconds(20));
    assertThat(spent.lastEarnedAt()).contains(T0.plusSeconds(9));
  }

  @Test
  void theNextStampAfterAFullCardStartsTheNextCard() {
    StampCard card = new StampCard(10, 11);
    assertThat(card.full()).isTrue();
    assertThat(card.stampsOnCard()).isEqualTo(10);
    assertThat(card.stampsOnNextCard()).isEqualTo(1);
    StampCard afterRedeem = new StampCard(10, 1);
    assertThat(afterRedeem.full()).isFalse();
    assertThat(afterRedeem.stampsToGo()).isEqualTo(9);
  }

  @Test
  void aVoidReversesItsStamp() {
    Balance b =
        Balance.fold(
            Events.ACCOUNT,
            Events.COFFEE,
            List.of(
                Events.stamp().build(),
                Events.stamp().build(),
                Events.of(EventType.VOID, -1).build()));
    assertThat(b.units()).isEqualTo(1);
  }

  @Property
  void theOrderEventsArriveInDoesNotChangeTheBalance(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 3) Integer> kinds, @ForAll long seed) {
    List<LedgerEvent> events = new ArrayList<>();
    int i = 0;
    for (int kind : kinds) {
      Instant at = T0.plusSeconds(i++);
      events.add(
          switch (kind) {
            case 0 -> Events.stamp().at(at).build();
            case 1 -> Events.of(EventType.REDEEM, -10).at(at).build();
            case 2 -> Events.of(EventType.VOID, -1).at(at).build();
            default -> Events.of(EventType.ADJUST, 3).at(at).build();
          });
    }
    Balance inOrder = Balance.fold(Events.ACCOUNT, Events.COFFEE, events);
    List<LedgerEvent> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(Balance.fold(Events.ACCOUNT, Events.COFFEE, shuffled)).isEqualTo(inOrder);
  }

  @Test
  void stampsLapseOnlyAfterTheExpiryWithoutANewStamp() {
    Balance b = Balance.fold(Events.ACCOUNT, Events.COFFEE, List.of(Events.stamp().at(T0).build()));
    Optional<Duration> year = Optional.of(Duration.ofDays(365));
    assertThat(b.lapsedAt(T0.plus(Duration.ofDays(364)), year)).isFalse();
    assertThat(b.lapsedAt(T0.plus(Duration.ofDays(366)), year)).isTrue();
    assertThat(b.lapsedAt(T0.plus(Duration.ofDays(3650)), Optional.empty())).isFalse();
  }

  @Test
  void eventsKeepTheSignOfTheirType() {
    assertThatThrownBy(() -> Events.of(EventType.STAMP, -1).build()).hasMessageContaining("adds");
    assertThatThrownBy(() -> Events.of(EventType.REDEEM, 10).build())
        .hasMessageContaining("subtracts");
    assertThatThrownBy(() -> Events.stamp().seq(0).build()).hasMessageContaining("till_seq");
  }
}
