package com.stampcard.pos.ui.manager;

import com.stampcard.core.staff.LoginResult;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffMember;
import com.stampcard.core.till.CashierFigures;
import com.stampcard.core.till.CorrectionOutcome;
import com.stampcard.core.till.DayFigures;
import com.stampcard.core.till.PurchaseService;
import com.stampcard.core.till.RedemptionReview;
import com.stampcard.core.till.ReviewItem;
import com.stampcard.pos.TillServices;
import com.stampcard.pos.ui.i18n.Msg;
import com.stampcard.pos.ui.task.TaskExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    FIGURES
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

  public ManagerViewModel(TillServices services, TaskExecutor tasks) {
    this.services = services;
    this.tasks = tasks;
    this.review = new RedemptionReview(services.store());
    this.figures = new DayFigures(services.store(), services.context());
  }

  /** Where the overdrafts the server reported come from (the sync agent's list), when synced. */
  public void overdraftsFrom(Supplier<Set<UUID>> source) {
    this.overdrafts = source;
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
