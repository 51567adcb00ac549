package com.stampcard.pos.ui.manager;

import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.CustomerCode;
import com.stampcard.core.code.CustomerCodes;
import com.stampcard.core.code.PrintedCard;
import com.stampcard.core.staff.LoginResult;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffMember;
import com.stampcard.core.till.CardLink;
import com.stampcard.core.till.CashierFigures;
import com.stampcard.core.till.CorrectionOutcome;
import com.stampcard.core.till.CustomerLookup;
import com.stampcard.core.till.DayFigures;
import com.stampcard.core.till.PrintedCardBatch;
import com.stampcard.core.till.PurchaseService;
import com.stampcard.core.till.RedemptionReview;
import com.stampcard.core.till.ReviewItem;
import com.stampcard.pos.TillServices;
import com.stampcard.pos.cards.CardSheet;
import com.stampcard.pos.ui.i18n.Msg;
import com.stampcard.pos.ui.task.TaskExecutor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The manager's area on the till, opened from the counter with a manager's id and PIN: the
 * redemptions to review (flagged first) with a void and its reason, and the day's figures per
 * cashier. Closing it, or the idle logout, forgets the manager. UI thread; work runs on the tasks'
 * worker.
 */
public final class ManagerViewModel {
  /** How far back the review looks: today and the six days before. */
  static final int REVIEW_DAYS = 7;

  /** The parts of the manager's area. */
  public enum Section {
    REVIEW,
    FIGURES,
    CARDS
  }

  private final TillServices services;
  private final TaskExecutor tasks;
  private final RedemptionReview review;
  private final DayFigures figures;
  private Supplier<Set<UUID>> overdrafts = Set::of;

  private final BooleanProperty open = new SimpleBooleanProperty();
  private final ObjectProperty<StaffMember> manager = new SimpleObjectProperty<>();
  private final StringProperty managerId = new SimpleStringProperty("");
  private final StringProperty pin = new SimpleStringProperty("");
  private final ObjectProperty<Msg> problem = new SimpleObjectProperty<>();
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.REVIEW);

  private final ObservableList<ReviewItem> items = FXCollections.observableArrayList();
  private final ObjectProperty<ReviewItem> selected = new SimpleObjectProperty<>();
  private final StringProperty voidReason = new SimpleStringProperty("");
  private final ObjectProperty<Msg> reviewMessage = new SimpleObjectProperty<>();

  private final ObservableList<CashierFigures> cashiers = FXCollections.observableArrayList();
  private final ObjectProperty<CashierFigures> total = new SimpleObjectProperty<>();
  private final Map<StaffId, String> names = new HashMap<>();

  private final PrintedCardBatch batch;
  private final CardLink linking;
  private final String shopName;
  private Path cardsFolder = Path.of(System.getProperty("user.home"), "stampcard-cards");
  private final StringProperty cardCount = new SimpleStringProperty("10");
  private final StringProperty linkCard = new SimpleStringProperty("");
  private final StringProperty linkCustomer = new SimpleStringProperty("");
  private final ObjectProperty<Msg> cardsMessage = new SimpleObjectProperty<>();

  public ManagerViewModel(TillServices services, TaskExecutor tasks, String shopName, Clock clock) {
    this.services = services;
    this.tasks = tasks;
    this.shopName = shopName;
    this.batch = new PrintedCardBatch(services.store(), services.context(), new SecureRandom());
    this.linking =
        new CardLink(
            services.store(), services.context(), new CustomerLookup(services.context(), clock));
    this.review = new RedemptionReview(services.store());
    this.figures = new DayFigures(services.store(), services.context());
  }

  /** Where the overdrafts the server reported come from (the sync agent's list), when synced. */
  public void overdraftsFrom(Supplier<Set<UUID>> source) {
    this.overdrafts = source;
  }

  /** Where the printed cards' PDF sheets are saved. */
  public void cardsFolder(Path folder) {
    this.cardsFolder = folder;
  }

  /** Issues the number of cards asked for and saves their PDF sheet in the cards folder. */
  public void issueCards() {
    StaffMember by = manager.get();
    int count;
    try {
      count = Integer.parseInt(cardCount.get().strip());
    } catch (NumberFormatException e) {
      count = 0;
    }
    if (by == null || count < 1 || count > PrintedCardBatch.MOST) {
      cardsMessage.set(Msg.of("cards.count-range"));
      return;
    }
    int asked = count;
    String stamp =
        DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss").format(services.context().localNow());
    Path file = cardsFolder.resolve("cards-" + stamp + ".pdf");
    busy.set(true);
    tasks.run(
        () -> {
          PrintedCardBatch.Issued issued = batch.issue(asked, by);
          if (issued.refusal().isPresent()) {
            return Msg.of(issued.refusal().get());
          }
          try {
            Files.createDirectories(cardsFolder);
            try (OutputStream out = Files.newOutputStream(file)) {
              new CardSheet(shopName).write(issued.cards(), out);
            }
          } catch (IOException e) {
            return Msg.of("cards.pdf-failed", file.toString(), String.valueOf(e.getMessage()));
          }
          return Msg.of("cards.issued", issued.cards().size(), file.toString());
        },
        message -> {
          busy.set(false);
          cardsMessage.set(message);
        },
        this::failed);
  }

  /**
   * A read while the cards section is open fills the card to link first, then the customer's code
   * (an NFC card or an app code can't be typed: the read itself is kept).
   */
  public void codeRead(CodeReading reading) {
    if (manager.get() == null || section.get() != Section.CARDS) {
      return;
    }
    if (!(reading instanceof CodeReading.Recognised read)) {
      cardsMessage.set(Msg.of("cards.link-read-both"));
      return;
    }
    String shown =
        read.code() instanceof PrintedCard p ? p.number() : read.code().identifierKind().name();
    if (linkCard.get() == null || linkCard.get().isBlank()) {
      readCard = new HeldRead(read.code(), shown);
      linkCard.set(shown);
    } else {
      readCustomer = new HeldRead(read.code(), shown);
      linkCustomer.set(shown);
    }
  }

  /** A code a reader delivered, and what its field shows for it. */
  private record HeldRead(CustomerCode code, String shown) {}

  private HeldRead readCard;
  private HeldRead readCustomer;

  private static Optional<CustomerCode> codeIn(String text, HeldRead held) {
    if (held != null && held.shown().equals(text)) {
      return Optional.of(held.code());
    }
    return CustomerCodes.fromText(text) instanceof CodeReading.Recognised r
        ? Optional.of(r.code())
        : Optional.empty();
  }

  /** Links the card read first to the account of the customer's code. */
  public void linkCard() {
    StaffMember by = manager.get();
    Optional<CustomerCode> card = codeIn(linkCard.get(), readCard);
    Optional<CustomerCode> customer = codeIn(linkCustomer.get(), readCustomer);
    if (by == null || card.isEmpty() || customer.isEmpty()) {
      cardsMessage.set(Msg.of("cards.link-read-both"));
      return;
    }
    busy.set(true);
    tasks.run(
        () -> linking.link(card.get(), customer.get(), by),
        refusal -> {
          busy.set(false);
          if (refusal.isEmpty()) {
            linkCard.set("");
            linkCustomer.set("");
            readCard = null;
            readCustomer = null;
            cardsMessage.set(Msg.of("cards.linked"));
          } else {
            cardsMessage.set(Msg.of(refusal.get()));
          }
        },
        this::failed);
  }

  public StringProperty cardCountProperty() {
    return cardCount;
  }

  public StringProperty linkCardProperty() {
    return linkCard;
  }

  public StringProperty linkCustomerProperty() {
    return linkCustomer;
  }

  public ObjectProperty<Msg> cardsMessageProperty() {
    return cardsMessage;
  }

  /** Asks for a manager's id and PIN. */
  public void open() {
    manager.set(null);
    managerId.set("");
    pin.set("");
    problem.set(null);
    section.set(Section.REVIEW);
    open.set(true);
  }

  /** Back to the counter; the manager must enter the PIN again next time. */
  public void close() {
    open.set(false);
    manager.set(null);
    pin.set("");
    items.clear();
    cashiers.clear();
    selected.set(null);
    voidReason.set("");
    reviewMessage.set(null);
    linkCard.set("");
    linkCustomer.set("");
    cardsMessage.set(null);
  }

  public void logIn() {
    String id = managerId.get() == null ? "" : managerId.get().strip().toLowerCase(Locale.ROOT);
    char[] typed = pin.get().toCharArray();
    pin.set("");
    if (id.isEmpty() || typed.length == 0) {
      problem.set(Msg.of("ui.manager.enter-id-and-pin"));
      return;
    }
    StaffId staffId;
    try {
      staffId = new StaffId(id);
    } catch (IllegalArgumentException e) {
      problem.set(Msg.of("ui.manager-area.wrong-pin"));
      return;
    }
    problem.set(null);
    busy.set(true);
    tasks.run(
        () -> {
          try {
            return services.staffLogin().login(staffId, typed);
          } finally {
            Arrays.fill(typed, '\0');
          }
        },
        result -> {
          busy.set(false);
          if (result instanceof LoginResult.LoggedIn in && in.member().isManager()) {
            manager.set(in.member());
            refresh();
          } else if (result instanceof LoginResult.LoggedIn) {
            problem.set(Msg.of("ui.manager-area.not-a-manager"));
          } else {
            problem.set(
                Msg.of(
                    ((LoginResult.Refused) result).why() == LoginResult.Why.LOCKED_OUT
                        ? "ui.manager-area.locked-out"
                        : "ui.manager-area.wrong-pin"));
          }
        },
        this::failed);
  }

  /** Loads the review and the day's figures again. */
  public void refresh() {
    if (manager.get() == null) {
      return;
    }
    Instant since = services.context().startOfToday().minus(Duration.ofDays(REVIEW_DAYS - 1));
    busy.set(true);
    tasks.run(
        () ->
            new Loaded(
                review.since(since, overdrafts.get()),
                figures.today(),
                services.store().inTransaction(tx -> tx.staff())),
        loaded -> {
          busy.set(false);
          names.clear();
          loaded.staff().forEach(m -> names.put(m.id(), m.name()));
          ReviewItem was = selected.get();
          items.setAll(loaded.items());
          selected.set(
              was == null
                  ? null
                  : items.stream()
                      .filter(i -> i.event().eventId().equals(was.event().eventId()))
                      .findFirst()
                      .orElse(null));
          cashiers.setAll(loaded.figures().cashiers());
          total.set(loaded.figures().total());
        },
        this::failed);
  }

  private record Loaded(
      List<ReviewItem> items, DayFigures.Result figures, List<StaffMember> staff) {}

  /** Voids the selected redemption with the reason typed. */
  public void voidSelected() {
    ReviewItem item = selected.get();
    StaffMember by = manager.get();
    if (item == null || by == null) {
      reviewMessage.set(Msg.of("ui.manager-area.pick-first"));
      return;
    }
    if (!item.voidable()) {
      reviewMessage.set(Msg.of("ui.manager-area.not-voidable"));
      return;
    }
    String reason = voidReason.get() == null ? "" : voidReason.get().strip();
    if (reason.isEmpty()) {
      reviewMessage.set(Msg.of("correction.reason-needed"));
      return;
    }
    busy.set(true);
    tasks.run(
        () -> services.corrections().voidEvent(item.event().eventId(), by, reason),
        outcome -> {
          busy.set(false);
          if (outcome instanceof CorrectionOutcome.Done) {
            voidReason.set("");
            reviewMessage.set(Msg.of("ui.manager-area.voided"));
            refresh();
          } else {
            reviewMessage.set(Msg.of(((CorrectionOutcome.Refused) outcome).messageKey()));
          }
        },
        this::failed);
  }

  private void failed(RuntimeException e) {
    busy.set(false);
    problem.set(Msg.of("ui.manager-area.failed"));
    reviewMessage.set(Msg.of("ui.manager-area.failed"));
    cardsMessage.set(Msg.of("ui.manager-area.failed"));
  }

  /** A cashier's name; the cash register's own id gets its own words. */
  public Msg nameOf(StaffId id) {
    if (id.equals(PurchaseService.CASH_REGISTER)) {
      return Msg.of("ui.manager-area.cash-register");
    }
    if (id.value().equals("all")) {
      return Msg.of("ui.manager-area.all-cashiers");
    }
    String name = names.get(id);
    return Msg.of("ui.manager-area.plain", name == null ? id.value() : name);
  }

  public BooleanProperty openProperty() {
    return open;
  }

  public ObjectProperty<StaffMember> managerProperty() {
    return manager;
  }

  public StringProperty managerIdProperty() {
    return managerId;
  }

  public StringProperty pinProperty() {
    return pin;
  }

  public ObjectProperty<Msg> problemProperty() {
    return problem;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public ObjectProperty<Section> sectionProperty() {
    return section;
  }

  public ObservableList<ReviewItem> items() {
    return items;
  }

  public ObjectProperty<ReviewItem> selectedProperty() {
    return selected;
  }

  public StringProperty voidReasonProperty() {
    return voidReason;
  }

  public ObjectProperty<Msg> reviewMessageProperty() {
    return reviewMessage;
  }

  public ObservableList<CashierFigures> cashiers() {
    return cashiers;
  }

  public ObjectProperty<CashierFigures> totalProperty() {
    return total;
  }
}
