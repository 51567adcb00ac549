package com.stampcard.pos.ui.counter;

import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.CustomerCode;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.program.Money;
import com.stampcard.core.program.PointsProgram;
import com.stampcard.core.program.Program;
import com.stampcard.core.program.Purchase;
import com.stampcard.core.redeem.Reason;
import com.stampcard.core.redeem.RedemptionRules;
import com.stampcard.core.staff.LoginResult;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffMember;
import com.stampcard.core.till.CorrectionOutcome;
import com.stampcard.core.till.PendingRedemption;
import com.stampcard.core.till.RedeemRequest;
import com.stampcard.core.till.RedemptionOutcome;
import com.stampcard.core.till.StampOutcome;
import com.stampcard.core.till.StampRequest;
import com.stampcard.pos.TillServices;
import com.stampcard.pos.ui.controls.CardFace;
import com.stampcard.pos.ui.customer.CustomerDisplayViewModel;
import com.stampcard.pos.ui.i18n.Msg;
import com.stampcard.pos.ui.i18n.Problems;
import com.stampcard.pos.ui.shell.TillSession;
import com.stampcard.pos.ui.task.TaskExecutor;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The counter: stamp mode (the resting state, where every read gives a stamp) and redeem mode
 * (entered on purpose: a read runs the security check, the cashier approves, a manager too when the
 * check asks). Also the undo of the cashier's last stamp. The only class of this screen that calls
 * services; they run on the worker and their outcome comes back here on the UI thread.
 */
public final class CounterViewModel {
  /** The two modes. */
  public enum Mode {
    STAMP,
    REDEEM
  }

  /** What the big panel shows. */
  public enum Phase {
    /** Waiting for a read. */
    READY,
    /** A stamp or points were given: the confirmation. */
    GIVEN,
    /** The rules gave nothing for this purchase. */
    NOTHING_GIVEN,
    /** The same card again, or inside the cooldown: stamp again only if the cashier confirms. */
    QUESTION,
    /** Redeem mode: the card, the check's reasons and verdict; approve or cancel. */
    CHECK,
    /** Redeem mode: the check wants a manager's PIN. */
    MANAGER,
    /** The redemption went through. */
    REDEEMED,
    /** The cashier gives the reason to undo their last stamp. */
    UNDO,
    /** The last stamp was undone. */
    UNDONE
  }

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm");

  private final TillServices services;
  private final TaskExecutor tasks;
  private final TillSession session;
  private final CustomerDisplayViewModel customer;
  private final String currency;

  private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.STAMP);
  private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.READY);
  private final ObjectProperty<CardFace> card = new SimpleObjectProperty<>();
  private final ObjectProperty<Msg> headline = new SimpleObjectProperty<>();
  private final BooleanProperty newCustomer = new SimpleBooleanProperty();
  private final ObservableList<Msg> notes = FXCollections.observableArrayList();
  private final ObjectProperty<Msg> banner = new SimpleObjectProperty<>();
  private final ObjectProperty<Msg> question = new SimpleObjectProperty<>();
  private final ObjectProperty<Msg> verdict = new SimpleObjectProperty<>();
  private final ObservableList<ReasonLine> reasons = FXCollections.observableArrayList();
  private final ObservableList<Msg> history = FXCollections.observableArrayList();
  private final BooleanProperty approvable = new SimpleBooleanProperty();
  private final BooleanProperty managerNeeded = new SimpleBooleanProperty();
  private final StringProperty managerId = new SimpleStringProperty("");
  private final StringProperty managerPin = new SimpleStringProperty("");
  private final ObjectProperty<Msg> managerProblem = new SimpleObjectProperty<>();
  private final StringProperty undoReason = new SimpleStringProperty("");
  private final StringProperty amount = new SimpleStringProperty("");
  private final ObjectProperty<Msg> amountProblem = new SimpleObjectProperty<>();
  private final BooleanProperty pointsProgram = new SimpleBooleanProperty();
  private final StringProperty typedCode = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final BooleanBinding canUndo =
      Bindings.createBooleanBinding(() -> !undoReason.get().isBlank(), undoReason);

  private StampOutcome.NeedsConfirmation pendingQuestion;
  private PendingRedemption pendingRedemption;

  public CounterViewModel(
      TillServices services,
      TaskExecutor tasks,
      TillSession session,
      CustomerDisplayViewModel customer,
      String currency) {
    this.services = services;
    this.tasks = tasks;
    this.session = session;
    this.customer = customer;
    this.currency = currency;
  }

  /** On show: stamp mode, nothing on the panel, the amount field only for a points program. */
  public void activate() {
    Program program = session.program();
    pointsProgram.set(program instanceof PointsProgram);
    mode.set(Mode.STAMP);
    clearPanel();
    banner.set(null);
    amount.set("");
    customer.idle();
  }

  /** On hide (logout, another program): nothing half done stays. */
  public void deactivate() {
    clearPanel();
    card.set(null);
    banner.set(null);
    amount.set("");
    customer.idle();
  }

  // ----------------------------------------------------------------------------------- reads

  /** A reader read something, or the cashier typed a code. UI thread. */
  public void codeRead(CodeReading reading, InputMethod input) {
    if (reading instanceof CodeReading.NotACode notACode) {
      banner.set(Msg.of(notACode.problem().messageKey()));
      return;
    }
    CustomerCode code = ((CodeReading.Recognised) reading).code();
    banner.set(null);
    if (mode.get() == Mode.REDEEM) {
      check(code, input);
    } else {
      stamp(code, input);
    }
  }

  /** The cashier typed a card number by hand: a typed code, trusted less by the security check. */
  public void readTypedCode() {
    String text = typedCode.get();
    typedCode.set("");
    if (text == null || text.isBlank()) {
      banner.set(Msg.of("ui.counter.type-code-first"));
      return;
    }
    codeRead(com.stampcard.core.code.CustomerCodes.fromText(text), InputMethod.TYPED);
  }

  private void stamp(CustomerCode code, InputMethod input) {
    Optional<Purchase> purchase = purchase();
    if (purchase.isEmpty()) {
      return;
    }
    StampRequest request =
        new StampRequest(
            code, input, session.program().id(), session.cashier().id(), purchase.get());
    amount.set("");
    work(() -> services.stamping().stamp(request), this::stamped);
  }

  private Optional<Purchase> purchase() {
    amountProblem.set(null);
    String text = amount.get() == null ? "" : amount.get().strip().replace(',', '.');
    if (text.isEmpty()) {
      return Optional.of(Purchase.unknown());
    }
    try {
      return Optional.of(Purchase.ofTotal(Money.of(text, currency)));
    } catch (RuntimeException e) {
      amountProblem.set(Msg.of("ui.counter.bad-amount"));
      banner.set(Msg.of("ui.counter.bad-amount"));
      return Optional.empty();
    }
  }

  private void stamped(StampOutcome outcome) {
    clearPanel();
    if (outcome instanceof StampOutcome.Given given) {
      CardFace face = CardFace.of(given.program(), given.balance());
      card.set(face);
      newCustomer.set(given.newCustomer());
      String at = CLOCK.format(given.event().occurredAt().atZone(zone()));
      headline.set(
          given.event().type() == EventType.STAMP
              ? Msg.of("ui.counter.stamp-given", given.event().quantity(), at)
              : Msg.of("ui.counter.points-given", given.event().quantity(), at));
      given.notes().forEach(n -> notes.add(Msg.of(n)));
      phase.set(Phase.GIVEN);
      customer.stamped(face, given.newCustomer());
    } else if (outcome instanceof StampOutcome.NothingGiven nothing) {
      card.set(CardFace.of(nothing.program(), nothing.balance()));
      headline.set(Msg.of("stamp.nothing-given"));
      nothing.notes().forEach(n -> notes.add(Msg.of(n)));
      phase.set(Phase.NOTHING_GIVEN);
    } else if (outcome instanceof StampOutcome.NeedsConfirmation ask) {
      pendingQuestion = ask;
      card.set(CardFace.of(ask.program(), ask.balance()));
      question.set(Msg.of("stamp.confirm." + ask.why().name()));
      phase.set(Phase.QUESTION);
    } else {
      banner.set(Msg.of(((StampOutcome.Refused) outcome).messageKey()));
    }
  }

  /** The cashier confirms the stamp the till questioned. */
  public void confirmRepeat() {
    StampOutcome.NeedsConfirmation ask = pendingQuestion;
    if (phase.get() != Phase.QUESTION || ask == null) {
      return;
    }
    pendingQuestion = null;
    work(() -> services.stamping().confirm(ask), this::stamped);
  }

  /** No second stamp. */
  public void declineRepeat() {
    if (phase.get() == Phase.QUESTION) {
      clearPanel();
      headline.set(Msg.of("ui.counter.no-second-stamp"));
    }
  }

  // ------------------------------------------------------------------------------ redeeming

  public void stampMode() {
    if (mode.get() == Mode.REDEEM) {
      mode.set(Mode.STAMP);
      clearPanel();
    }
  }

  public void redeemMode() {
    if (mode.get() != Mode.REDEEM) {
      mode.set(Mode.REDEEM);
      clearPanel();
      card.set(null);
      banner.set(null);
    }
  }

  private void check(CustomerCode code, InputMethod input) {
    RedeemRequest request =
        new RedeemRequest(code, input, session.program().id(), session.cashier().id());
    work(() -> services.redeeming().check(request), this::redemptionStep);
  }

  private void redemptionStep(RedemptionOutcome outcome) {
    if (outcome instanceof RedemptionOutcome.Checked checked) {
      clearPanel();
      PendingRedemption pending = checked.pending();
      pendingRedemption = pending;
      card.set(CardFace.of(pending.program(), pending.balance()));
      RedemptionRules rules = services.context().settings().redemptionRules();
      pending
          .decision()
          .reasons()
          .forEach(r -> reasons.add(new ReasonLine(r, severity(r, rules), Msg.of(r.messageKey()))));
      pending.history().forEach(e -> history.add(historyLine(e)));
      verdict.set(Msg.of("redeem.verdict." + pending.decision().verdict().name()));
      approvable.set(!pending.decision().refused());
      managerNeeded.set(pending.decision().needsManager());
      headline.set(Msg.of("ui.redeem.reward", pending.reward()));
      phase.set(Phase.CHECK);
    } else if (outcome instanceof RedemptionOutcome.Redeemed done) {
      PendingRedemption pending = pendingRedemption;
      clearPanel();
      CardFace face = CardFace.of(pending.program(), done.balance());
      card.set(face);
      headline.set(Msg.of("redeem.done", pending.reward()));
      if (done.offline()) {
        notes.add(Msg.of("ui.redeem.offline"));
      }
      mode.set(Mode.STAMP);
      phase.set(Phase.REDEEMED);
      customer.redeemed(face, pending.reward());
    } else {
      String key = ((RedemptionOutcome.Refused) outcome).messageKey();
      if (phase.get() == Phase.MANAGER) {
        managerProblem.set(Msg.of(key));
        return;
      }
      clearPanel();
      banner.set(Msg.of(key));
    }
  }

  /** The cashier approves; when the check wants a manager, this asks for their PIN first. */
  public void approve() {
    PendingRedemption pending = pendingRedemption;
    if (phase.get() != Phase.CHECK || pending == null || !approvable.get()) {
      return;
    }
    if (pending.decision().needsManager()) {
      managerId.set("");
      managerPin.set("");
      managerProblem.set(null);
      phase.set(Phase.MANAGER);
      return;
    }
    work(() -> services.redeeming().approve(pending, Optional.empty()), this::redemptionStep);
  }

  /** A manager approves with their id and PIN. */
  public void approveAsManager() {
    PendingRedemption pending = pendingRedemption;
    if (phase.get() != Phase.MANAGER || pending == null) {
      return;
    }
    String id = managerId.get() == null ? "" : managerId.get().strip().toLowerCase(Locale.ROOT);
    char[] pin = managerPin.get().toCharArray();
    managerPin.set("");
    if (id.isEmpty() || pin.length == 0) {
      managerProblem.set(Msg.of("ui.manager.enter-id-and-pin"));
      return;
    }
    StaffId staffId;
    try {
      staffId = new StaffId(id);
    } catch (IllegalArgumentException e) {
      managerProblem.set(Msg.of("ui.manager.wrong-pin"));
      return;
    }
    managerProblem.set(null);
    work(
        () -> {
          LoginResult result;
          try {
            result = services.staffLogin().login(staffId, pin);
          } finally {
            Arrays.fill(pin, '\0');
          }
          if (result instanceof LoginResult.LoggedIn in) {
            StaffMember manager = in.member();
            if (!manager.isManager()) {
              return new RedemptionOutcome.Refused("ui.manager.not-a-manager");
            }
            return services.redeeming().approve(pending, Optional.of(manager));
          }
          LoginResult.Refused refused = (LoginResult.Refused) result;
          return new RedemptionOutcome.Refused(
              refused.why() == LoginResult.Why.LOCKED_OUT
                  ? "ui.manager.locked-out"
                  : "ui.manager.wrong-pin");
        },
        this::redemptionStep);
  }

  /** Nothing is redeemed; back to stamp mode. */
  public void cancelRedemption() {
    if (phase.get() == Phase.CHECK || phase.get() == Phase.MANAGER) {
      clearPanel();
      card.set(null);
      mode.set(Mode.STAMP);
      headline.set(Msg.of("ui.redeem.cancelled"));
    }
  }

  // ---------------------------------------------------------------------------------- undo

  public void startUndo() {
    clearPanel();
    undoReason.set("");
    phase.set(Phase.UNDO);
  }

  public void undo() {
    String reason = undoReason.get() == null ? "" : undoReason.get().strip();
    if (phase.get() != Phase.UNDO) {
      return;
    }
    if (reason.isEmpty()) {
      banner.set(Msg.of("correction.reason-needed"));
      return;
    }
    StaffId cashier = session.cashier().id();
    Program program = session.program();
    work(
        () -> {
          CorrectionOutcome outcome = services.corrections().undoLastStamp(cashier, reason);
          if (outcome instanceof CorrectionOutcome.Done done) {
            LedgerEvent voided = done.event();
            long units =
                services
                    .store()
                    .inTransaction(tx -> tx.balance(voided.account(), voided.program()))
                    .units();
            return new Undone(Optional.of(units), voided.program().equals(program.id()), null);
          }
          return new Undone(
              Optional.empty(), false, ((CorrectionOutcome.Refused) outcome).messageKey());
        },
        undone -> {
          clearPanel();
          if (undone.refusal() != null) {
            banner.set(Msg.of(undone.refusal()));
            return;
          }
          if (undone.sameProgram()) {
            card.set(CardFace.of(program, undone.units().orElse(0L)));
          } else {
            card.set(null);
          }
          headline.set(Msg.of("ui.undo.done"));
          phase.set(Phase.UNDONE);
          customer.idle();
        });
  }

  private record Undone(Optional<Long> units, boolean sameProgram, String refusal) {}

  public void cancelUndo() {
    if (phase.get() == Phase.UNDO) {
      clearPanel();
    }
  }

  // ---------------------------------------------------------------------------------- misc

  /** Escape: whatever is open is cancelled; nothing is recorded. */
  public void cancel() {
    switch (phase.get()) {
      case QUESTION -> declineRepeat();
      case CHECK, MANAGER -> cancelRedemption();
      case UNDO -> cancelUndo();
      default -> {
        if (mode.get() == Mode.REDEEM) {
          stampMode();
        }
        banner.set(null);
      }
    }
  }

  /** The confirmation has been on screen long enough: back to the resting panel. */
  public void settle() {
    if (phase.get() == Phase.GIVEN
        || phase.get() == Phase.NOTHING_GIVEN
        || phase.get() == Phase.REDEEMED
        || phase.get() == Phase.UNDONE) {
      phase.set(Phase.READY);
      customer.idle();
    }
  }

  /** A reader that was reading is gone: say which and what to do. */
  public void readerLost(Msg reader) {
    banner.set(Msg.of("ui.reader.lost", reader));
  }

  /** The reader is back: its warning goes. */
  public void readerBack(Msg reader) {
    if (Msg.of("ui.reader.lost", reader).equals(banner.get())) {
      banner.set(null);
    }
  }

  public void dismissBanner() {
    banner.set(null);
  }

  public void changeProgram() {
    session.changeProgram();
  }

  public void logOut() {
    session.logOut();
  }

  private void clearPanel() {
    pendingQuestion = null;
    pendingRedemption = null;
    headline.set(null);
    newCustomer.set(false);
    notes.clear();
    question.set(null);
    verdict.set(null);
    reasons.clear();
    history.clear();
    approvable.set(false);
    managerNeeded.set(false);
    managerId.set("");
    managerPin.set("");
    managerProblem.set(null);
    undoReason.set("");
    phase.set(Phase.READY);
  }

  /**
   * Runs a service call on the worker; its outcome is applied only if the same cashier is still at
   * the same program (a logout in between drops it: what was committed stays committed).
   */
  private <T> void work(Supplier<T> call, Consumer<T> then) {
    StaffMember cashier = session.cashier();
    Program program = session.program();
    busy.set(true);
    tasks.run(
        call,
        result -> {
          busy.set(false);
          if (session.cashier() == cashier && session.program() == program) {
            then.accept(result);
          }
        },
        failure -> {
          busy.set(false);
          banner.set(Problems.of(failure));
        });
  }

  private Msg historyLine(LedgerEvent e) {
    String when = WHEN.withLocale(Locale.ROOT).format(e.occurredAt().atZone(zone()));
    return Msg.of(
        "ui.history.line",
        when,
        Msg.of("ui.event." + e.type().name()),
        (e.quantity() > 0 ? "+" : "") + e.quantity(),
        e.till().value());
  }

  private java.time.ZoneId zone() {
    return services.context().settings().zone();
  }

  private static Reason.Severity severity(Reason r, RedemptionRules rules) {
    return switch (r) {
      case CODE_TYPED_BY_HAND -> rules.typedCode();
      case STATIC_CODE -> rules.staticCode();
      default -> r.defaultSeverity();
    };
  }

  // ----------------------------------------------------------------------------- properties

  public ReadOnlyObjectProperty<Mode> modeProperty() {
    return mode;
  }

  public ReadOnlyObjectProperty<Phase> phaseProperty() {
    return phase;
  }

  public ReadOnlyObjectProperty<CardFace> cardProperty() {
    return card;
  }

  public ReadOnlyObjectProperty<Msg> headlineProperty() {
    return headline;
  }

  public BooleanProperty newCustomerProperty() {
    return newCustomer;
  }

  public ObservableList<Msg> notes() {
    return notes;
  }

  public ReadOnlyObjectProperty<Msg> bannerProperty() {
    return banner;
  }

  public ReadOnlyObjectProperty<Msg> questionProperty() {
    return question;
  }

  public ReadOnlyObjectProperty<Msg> verdictProperty() {
    return verdict;
  }

  public ObservableList<ReasonLine> reasons() {
    return reasons;
  }

  public ObservableList<Msg> history() {
    return history;
  }

  public BooleanProperty approvableProperty() {
    return approvable;
  }

  public BooleanProperty managerNeededProperty() {
    return managerNeeded;
  }

  public StringProperty managerIdProperty() {
    return managerId;
  }

  public StringProperty managerPinProperty() {
    return managerPin;
  }

  public ReadOnlyObjectProperty<Msg> managerProblemProperty() {
    return managerProblem;
  }

  public StringProperty undoReasonProperty() {
    return undoReason;
  }

  public BooleanBinding canUndoProperty() {
    return canUndo;
  }

  public StringProperty amountProperty() {
    return amount;
  }

  public ReadOnlyObjectProperty<Msg> amountProblemProperty() {
    return amountProblem;
  }

  public BooleanProperty pointsProgramProperty() {
    return pointsProgram;
  }

  public StringProperty typedCodeProperty() {
    return typedCode;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  /** The texts a person reads for a preset undo reason; the ledger keeps the words chosen. */
  public static List<String> presetUndoReasonKeys() {
    return List.of(
        "ui.undo.reason.wrong-card", "ui.undo.reason.twice", "ui.undo.reason.no-purchase");
  }
}
