package com.stampcard.pos.testing;

import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.CustomerCodes;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.code.PrintedCard;
import com.stampcard.core.program.ProgramBuilders;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.program.StampProgram;
import com.stampcard.core.redeem.RedemptionRules;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.staff.PinHash;
import com.stampcard.core.staff.Role;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffMember;
import com.stampcard.core.till.InMemoryTillStore;
import com.stampcard.core.till.MutableClock;
import com.stampcard.core.till.RedemptionAuthority;
import com.stampcard.core.till.TillSettings;
import com.stampcard.pos.SyncStatus;
import com.stampcard.pos.TillServices;
import com.stampcard.pos.ui.counter.CounterViewModel;
import com.stampcard.pos.ui.customer.CustomerDisplayViewModel;
import com.stampcard.pos.ui.login.LoginViewModel;
import com.stampcard.pos.ui.program.ProgramChoiceViewModel;
import com.stampcard.pos.ui.shell.ShellViewModel;
import com.stampcard.pos.ui.shell.TillSession;
import com.stampcard.pos.ui.status.StatusBarViewModel;
import com.stampcard.pos.ui.task.TaskExecutor;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The till's view models over an in-memory store, with work run on the calling thread: for view
 * model tests without a JavaFX toolkit. Staff: cashiers anna (1234, every program) and erik (2345,
 * the coffee card only), manager maria (9999), and a former cashier olle (inactive). Programs: the
 * coffee card (10 stamps), lunch points, and a tea card that runs at another store only.
 */
public final class TestTill {
  public static final Instant NOON = Instant.parse("2026-11-24T11:00:00Z");
  public static final ProgramId COFFEE = new ProgramId("coffee-card");
  public static final ProgramId LUNCH = new ProgramId("lunch-points");
  public static final int MAX_FAILURES = 3;

  public final InMemoryTillStore store = new InMemoryTillStore();
  public final MutableClock clock = new MutableClock(NOON);
  public final TillServices services;
  public final TillSession session = new TillSession();
  public final CustomerDisplayViewModel customer = new CustomerDisplayViewModel("Café Norr");
  public final LoginViewModel login;
  public final ProgramChoiceViewModel programs;
  public final CounterViewModel counter;
  public final StatusBarViewModel status;
  public final ShellViewModel shell;

  public TestTill() {
    this(RedemptionAuthority.standaloneTill(), RedemptionRules.defaults());
  }

  public TestTill(RedemptionAuthority authority, RedemptionRules rules) {
    TillSettings settings =
        new TillSettings(
            new StoreId("cafe-norr"),
            new TillId("cafe-norr-1"),
            ZoneId.of("Europe/Stockholm"),
            false,
            Duration.ofMinutes(2),
            Duration.ofMinutes(5),
            rules);
    store.inTransaction(
        tx -> {
          tx.saveProgram(ProgramBuilders.coffeeCard().build());
          tx.saveProgram(ProgramBuilders.lunchPoints().build());
          tx.saveProgram(
              new StampProgram(
                  new ProgramId("tea-card"),
                  1,
                  "Tea card",
                  "a free tea",
                  Set.of(new StoreId("tea-house")),
                  10,
                  Optional.empty(),
                  Duration.ZERO,
                  1,
                  Set.of(),
                  List.of(),
                  Optional.empty()));
          tx.saveStaffMember(member("anna", "Anna", Role.CASHIER, "1234", Set.of(), true));
          tx.saveStaffMember(member("erik", "Erik", Role.CASHIER, "2345", Set.of(COFFEE), true));
          tx.saveStaffMember(member("maria", "Maria", Role.MANAGER, "9999", Set.of(), true));
          tx.saveStaffMember(member("olle", "Olle", Role.CASHIER, "1111", Set.of(), false));
          return null;
        });
    services =
        TillServices.over(
            store,
            settings,
            clock,
            authority,
            SyncStatus.of(authority),
            MAX_FAILURES,
            Duration.ofMinutes(5));
    TaskExecutor tasks = TaskExecutor.sameThread();
    login =
        new LoginViewModel(
            services, List.of(), tasks, session, MAX_FAILURES, Duration.ofMinutes(5));
    programs = new ProgramChoiceViewModel(services, tasks, session);
    counter = new CounterViewModel(services, tasks, session, customer, "SEK");
    status =
        new StatusBarViewModel(services.sync(), clock, settings.zone(), "Café Norr", "cafe-norr-1");
    shell = new ShellViewModel(session, login, programs, counter, customer, status);
    shell.start();
  }

  private static StaffMember member(
      String id, String name, Role role, String pin, Set<ProgramId> programs, boolean active) {
    return new StaffMember(
        new StaffId(id),
        name,
        role,
        PinHash.of(pin.toCharArray(), 1_000),
        programs,
        active,
        0,
        Optional.empty());
  }

  /** Logs in through the login screen and chooses {@code program} on the program choice. */
  public TestTill atCounter(String staffId, String pin, ProgramId program) {
    login.staffIdProperty().set(staffId);
    login.pinProperty().set(pin);
    login.logIn();
    if (session.program() == null) {
      programs.programs().stream()
          .filter(p -> p.id().equals(program))
          .findFirst()
          .ifPresent(programs::choose);
    }
    return this;
  }

  public static PrintedCard card(long serial) {
    return PrintedCard.fromSerial(serial);
  }

  /** A scanner read of {@code text}, three minutes after the last (so no repeat question). */
  public void scan(String text) {
    clock.advance(Duration.ofMinutes(3));
    shell.codeRead(CustomerCodes.fromText(text), InputMethod.SCANNER);
  }

  public void scanNow(String text) {
    shell.codeRead(CustomerCodes.fromText(text), InputMethod.SCANNER);
  }

  public void read(CodeReading reading, InputMethod input) {
    shell.codeRead(reading, input);
  }
}
