package com.stampcard.pos.ui.customer;

import com.stampcard.pos.ui.controls.CardFace;
import com.stampcard.pos.ui.i18n.Msg;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the screen facing the customer shows: the shop's name and, after a read, their card filling
 * up, a welcome for a first card, or the redemption going through. The counter tells it what
 * happened; it never calls a service. UI thread only.
 */
public final class CustomerDisplayViewModel {
  /** What the display shows. */
  public enum Show {
    /** The shop's name and an invitation to show the card. */
    IDLE,
    /** The card after a stamp. */
    CARD,
    /** A new customer's first card. */
    WELCOME,
    /** A redemption went through. */
    REDEEMED
  }

  private final StringProperty shopName;
  private final ObjectProperty<Show> show = new SimpleObjectProperty<>(Show.IDLE);
  private final ObjectProperty<CardFace> card = new SimpleObjectProperty<>();
  private final ObjectProperty<Msg> headline =
      new SimpleObjectProperty<>(Msg.of("ui.customer.idle"));

  public CustomerDisplayViewModel(String shopName) {
    this.shopName = new SimpleStringProperty(shopName);
  }

  public void stamped(CardFace face, boolean newCustomer) {
    card.set(face);
    headline.set(newCustomer ? Msg.of("ui.customer.welcome") : Msg.of("ui.customer.stamped"));
    show.set(newCustomer ? Show.WELCOME : Show.CARD);
  }

  public void redeemed(CardFace after, String reward) {
    card.set(after);
    headline.set(Msg.of("ui.customer.redeemed", reward));
    show.set(Show.REDEEMED);
  }

  public void idle() {
    card.set(null);
    headline.set(Msg.of("ui.customer.idle"));
    show.set(Show.IDLE);
  }

  public ReadOnlyStringProperty shopNameProperty() {
    return shopName;
  }

  public ReadOnlyObjectProperty<Show> showProperty() {
    return show;
  }

  public ReadOnlyObjectProperty<CardFace> cardProperty() {
    return card;
  }

  public ReadOnlyObjectProperty<Msg> headlineProperty() {
    return headline;
  }
}
