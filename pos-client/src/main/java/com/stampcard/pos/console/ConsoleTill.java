package com.stampcard.pos.console;

import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.CustomerCodes;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.i18n.Messages;
import com.stampcard.core.program.Money;
import com.stampcard.core.program.Program;
import com.stampcard.core.program.Purchase;
import com.stampcard.core.redeem.Reason;
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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The till's headless mode: reads customer codes line by line from standard input, as a scanner
 * delivers them, and prints what happened. Lines starting with {@code :} are commands ({@code
 * :help}). For scripting, diagnostics and trying Stampcard without a screen.
 */
public final class ConsoleTill {
  private final TillServices till;
  private final BufferedReader in;
  private final PrintStream out;
  private final String currency;
  private Locale locale;
  private StaffMember cashier;
  private Program program;
  private boolean redeemNext;
  private Optional<Money> amountNext = Optional.empty();

  public ConsoleTill(
      TillServices till, Locale locale, String currency, BufferedReader in, PrintStream out) {
    this.till = till;
    this.currency = currency;
    this.locale = locale;
    this.in = in;
    this.out = out;
  }

  /** Runs until end of input or {@code :quit}. Returns the process exit code. */
  public int run() {
    say("console.banner", till.context().settings().till(), till.context().settings().store());
    if (!logIn()) {
      return 0;
    }
    String line;
    while ((line = readLine()) != null) {
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith(":")) {
        if (!command(line)) {
          return 0;
        }
        continue;
      }
      read(line, InputMethod.SCANNER);
    }
    return 0;
  }

  private boolean logIn() {
    while (true) {
      say("console.ask-cashier");
      String id = readLine();
      if (id == null) {
        return false;
      }
      say("console.ask-pin");
      String pin = readLine();
      if (pin == null) {
        return false;
      }
      Optional<StaffMember> member = login(id.strip(), pin.strip());
      if (member.isPresent()) {
        cashier = member.get();
        List<Program> mine = programsForCashier();
        if (mine.isEmpty()) {
          say("console.no-programs");
          return false;
        }
        program = mine.get(0);
        say("console.logged-in", cashier.name(), program.name(), program.id());
        return true;
      }
    }
  }

  private Optional<StaffMember> login(String id, String pin) {
    StaffId staffId;
    try {
      staffId = new StaffId(id);
    } catch (IllegalArgumentException e) {
      say("login.wrong-pin", "?");
      return Optional.empty();
    }
    LoginResult result = till.staffLogin().login(staffId, pin.toCharArray());
    if (result instanceof LoginResult.LoggedIn ok) {
      return Optional.of(ok.member());
    }
    LoginResult.Refused refused = (LoginResult.Refused) result;
    if (refused.why() == LoginResult.Why.LOCKED_OUT) {
      say("login.locked-out", refused.lockedUntil().map(Object::toString).orElse("?"));
    } else {
      say("login.wrong-pin", refused.attemptsLeft());
    }
    return Optional.empty();
  }

  private List<Program> programsForCashier() {
    return till.store().inTransaction(tx -> tx.programs()).stream()
        .filter(p -> p.runsAt(till.context().settings().store()) && cashier.mayUse(p.id()))
        .toList();
  }

  /** Handles a command line; false means stop. */
  private boolean command(String line) {
    String[] words = line.split("\\s+", 2);
    String argument = words.length > 1 ? words[1].strip() : "";
    switch (words[0]) {
      case ":quit", ":exit" -> {
        return false;
      }
      case ":logout" -> {
        say("console.logged-out");
        return logIn();
      }
      case ":program" -> chooseProgram(argument);
      case ":programs" ->
          programsForCashier()
              .forEach(p -> out.println("  " + p.id() + "  " + p.name() + " (" + p.kind() + ")"));
      case ":redeem" -> {
        redeemNext = true;
        say("console.redeem-next");
      }
      case ":typed" -> read(argument, InputMethod.TYPED);
      case ":amount" -> setAmount(argument);
      case ":undo" -> undo(argument);
      case ":lang" -> {
        locale = Messages.supported(Locale.forLanguageTag(argument));
        say("console.language");
      }
      default -> say("console.help");
    }
    return true;
  }

  private void chooseProgram(String id) {
    for (Program p : programsForCashier()) {
      if (p.id().value().equals(id)) {
        program = p;
        say("console.program", p.name(), p.id());
        return;
      }
    }
    say("stamp.program-not-here");
  }

  private void setAmount(String text) {
    try {
      Money amount = Money.of(text, currency);
      amountNext = Optional.of(amount);
      say("console.amount", amount);
    } catch (RuntimeException e) {
      say("console.bad-amount");
    }
  }

  private void read(String text, InputMethod input) {
    CodeReading reading = CustomerCodes.fromText(text);
    if (reading instanceof CodeReading.NotACode notACode) {
      refuse(notACode.problem().messageKey());
      redeemNext = false;
      return;
    }
    var code = ((CodeReading.Recognised) reading).code();
    if (redeemNext) {
      redeemNext = false;
      redeem(till.redeeming().check(new RedeemRequest(code, input, program.id(), cashier.id())));
      return;
    }
    Purchase purchase = amountNext.map(Purchase::ofTotal).orElse(Purchase.unknown());
    amountNext = Optional.empty();
    stamped(
        till.stamping().stamp(new StampRequest(code, input, program.id(), cashier.id(), purchase)));
  }

  private void stamped(StampOutcome outcome) {
    if (outcome instanceof StampOutcome.Given given) {
      if (given.newCustomer()) {
        out.println("✓ " + Messages.text(locale, "stamp.welcome"));
      }
      String what =
          given.event().type() == com.stampcard.core.ledger.EventType.STAMP
              ? Messages.text(locale, "stamp.given", given.event().quantity())
              : Messages.text(locale, "stamp.points-given", given.event().quantity());
      out.println("✓ " + what + " " + CardText.of(given.program(), given.balance(), locale));
      given.notes().forEach(n -> out.println("  " + Messages.text(locale, n)));
    } else if (outcome instanceof StampOutcome.NothingGiven nothing) {
      out.println("• " + Messages.text(locale, "stamp.nothing-given"));
      nothing.notes().forEach(n -> out.println("  " + Messages.text(locale, n)));
    } else if (outcome instanceof StampOutcome.NeedsConfirmation question) {
      out.println(
          "? " + Messages.text(locale, "stamp.confirm." + question.why().name()) + " [y/N]");
      if (yes(readLine())) {
        stamped(till.stamping().confirm(question));
      } else {
        say("console.cancelled");
      }
    } else {
      refuse(((StampOutcome.Refused) outcome).messageKey());
    }
  }

  private void redeem(RedemptionOutcome outcome) {
    if (outcome instanceof RedemptionOutcome.Refused refused) {
      refuse(refused.messageKey());
      return;
    }
    if (outcome instanceof RedemptionOutcome.Redeemed done) {
      out.println(
          "✓ "
              + Messages.text(locale, "redeem.done", program.reward())
              + (done.offline() ? " (offline)" : "")
              + " "
              + CardText.of(program, done.balance(), locale));
      return;
    }
    PendingRedemption pending = ((RedemptionOutcome.Checked) outcome).pending();
    out.println("  " + CardText.of(pending.program(), pending.balance(), locale));
    for (Reason reason : pending.decision().reasons()) {
      out.println("  - " + Messages.text(locale, reason.messageKey()));
    }
    out.println(
        "  " + Messages.text(locale, "redeem.verdict." + pending.decision().verdict().name()));
    if (pending.decision().refused()) {
      refuse("redeem.refused");
      return;
    }
    say("console.approve");
    if (!yes(readLine())) {
      say("console.cancelled");
      return;
    }
    Optional<StaffMember> manager = Optional.empty();
    if (pending.decision().needsManager()) {
      say("console.ask-manager");
      String id = readLine();
      say("console.ask-pin");
      String pin = readLine();
      if (id == null || pin == null) {
        return;
      }
      manager = login(id.strip(), pin.strip());
      if (manager.isEmpty()) {
        return;
      }
    }
    redeem(till.redeeming().approve(pending, manager));
  }

  private void undo(String reason) {
    CorrectionOutcome outcome =
        till.corrections()
            .undoLastStamp(cashier.id(), reason.isBlank() ? "undone at the till" : reason);
    if (outcome instanceof CorrectionOutcome.Done) {
      say("console.undone");
    } else {
      refuse(((CorrectionOutcome.Refused) outcome).messageKey());
    }
  }

  private static boolean yes(String answer) {
    return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes|j|ja");
  }

  private void refuse(String key) {
    out.println("✗ " + Messages.text(locale, key));
  }

  private void say(String key, Object... args) {
    out.println(Messages.text(locale, key, args));
  }

  private String readLine() {
    try {
      return in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
