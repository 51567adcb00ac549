package com.stampcard.core.ledger;

/**
 * A stamp balance seen as the paper card: stamps on the card, how many to go, and whether it is
 * full. Stamps beyond a full card wait on the next card; a redemption spends one full card.
 */
public record StampCard(int stampsRequired, long stampsHeld) {
  public StampCard {
    if (stampsRequired < 1) {
      throw new IllegalArgumentException("a card needs at least one stamp");
    }
  }

  public boolean full() {
    return stampsHeld >= stampsRequired;
  }

  /** The stamps to draw on the card: at most a full card. */
  public int stampsOnCard() {
    return (int) Math.max(0, Math.min(stampsHeld, stampsRequired));
  }

  /** How many more stamps make the card full; 0 when it is full. */
  public int stampsToGo() {
    return stampsRequired - stampsOnCard();
  }

  /** Stamps already waiting on the next card. */
  public long stampsOnNextCard() {
    return Math.max(0, stampsHeld - stampsRequired);
  }
}
