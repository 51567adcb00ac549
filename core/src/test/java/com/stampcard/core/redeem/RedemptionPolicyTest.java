package com.stampcard.core.redeem;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.redeem.Decision.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RedemptionPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final RedemptionRules RULES =
      new RedemptionRules(
          3,
          5,
          Duration.ofMinutes(10),
          Reason.Severity.MANAGER,
          Reason.Severity.INFO,
          2,
          Duration.ofHours(24));

  /** Facts of an ordinary, good redemption, changed one at a time by the table. */
  private static Facts good() {
    return new Facts();
  }

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(
            "a full card read from a fresh app code",
            good(),
            Verdict.CASHIER_MAY_APPROVE,
            new Reason[] {}),
        Arguments.of(
            "a card that is not full",
            good().notFull(),
            Verdict.REFUSED,
            new Reason[] {Reason.CARD_NOT_FULL}),
        Arguments.of(
            "a typed code",
            good().trust(CodeTrust.TYPED),
            Verdict.MANAGER_MUST_APPROVE,
            new Reason[] {Reason.CODE_TYPED_BY_HAND}),
        Arguments.of(
            "a printed card",
            good().trust(CodeTrust.STATIC),
            Verdict.CASHIER_MAY_APPROVE,
            new Reason[] {Reason.STATIC_CODE}),
        Arguments.of(
            "filled five minutes ago",
            good().lastEarned(NOW.minusSeconds(300)),
            Verdict.MANAGER_MUST_APPROVE,
            new Reason[] {Reason.JUST_STAMPED}),
        Arguments.of(
            "filled an hour ago",
            good().lastEarned(NOW.minusSeconds(3600)),
            Verdict.CASHIER_MAY_APPROVE,
            new Reason[] {}),
        Arguments.of(
            "the cashier's fourth today",
            good().byCashier(3),
            Verdict.MANAGER_MUST_APPROVE,
            new Reason[] {Reason.CASHIER_LIMIT_REACHED}),
        Arguments.of(
            "the till's sixth today",
            good().atTill(5),
            Verdict.MANAGER_MUST_APPROVE,
            new Reason[] {Reason.TILL_LIMIT_REACHED}),
        Arguments.of(
            "offline within the budget",
            good().offline(1),
            Verdict.CASHIER_MAY_APPROVE,
            new Reason[] {Reason.OFFLINE}),
        Arguments.of(
            "offline with the budget used up",
            good().offline(2),
            Verdict.REFUSED,
            new Reason[] {Reason.OFFLINE, Reason.OFFLINE_BUDGET_USED_UP}),
        Arguments.of(
            "offline with stale data",
            good().offline(0).lastSync(NOW.minus(Duration.ofHours(25))),
            Verdict.REFUSED,
            new Reason[] {Reason.OFFLINE, Reason.OFFLINE_DATA_TOO_OLD}),
        Arguments.of(
            "a standalone till has no offline budget",
            good().standalone().offline(99),
            Verdict.CASHIER_MAY_APPROVE,
            new Reason[] {}),
        Arguments.of(
            "refusal beats a manager",
            good().notFull().trust(CodeTrust.TYPED),
            Verdict.REFUSED,
            new Reason[] {Reason.CARD_NOT_FULL, Reason.CODE_TYPED_BY_HAND}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void theCheckDecidesFromTheFacts(String what, Facts facts, Verdict verdict, Reason[] reasons) {
    Decision d = new RedemptionPolicy(RULES).decide(facts.build());
    assertThat(d.verdict()).isEqualTo(verdict);
    assertThat(d.reasons()).containsExactly(reasons);
  }

  @ParameterizedTest(name = "typed codes set to {0}")
  @MethodSource("severities")
  void theShopChoosesWhatATypedCodeNeeds(Reason.Severity severity, Verdict verdict) {
    RedemptionRules rules =
        new RedemptionRules(
            3, 5, Duration.ZERO, severity, Reason.Severity.INFO, 2, Duration.ofHours(24));
    assertThat(new RedemptionPolicy(rules).decide(good().trust(CodeTrust.TYPED).build()).verdict())
        .isEqualTo(verdict);
  }

  static Stream<Arguments> severities() {
    return Stream.of(
        Arguments.of(Reason.Severity.INFO, Verdict.CASHIER_MAY_APPROVE),
        Arguments.of(Reason.Severity.MANAGER, Verdict.MANAGER_MUST_APPROVE),
        Arguments.of(Reason.Severity.REFUSE, Verdict.REFUSED));
  }

  static final class Facts {
    boolean enough = true;
    CodeTrust trust = CodeTrust.SIGNED;
    Optional<Instant> lastEarned = Optional.of(NOW.minus(Duration.ofDays(2)));
    long byCashier;
    long atTill;
    boolean standalone;
    boolean online = true;
    long offlineToday;
    Optional<Instant> lastSync = Optional.of(NOW.minusSeconds(60));

    Facts notFull() {
      enough = false;
      return this;
    }

    Facts trust(CodeTrust value) {
      trust = value;
      return this;
    }

    Facts lastEarned(Instant value) {
      lastEarned = Optional.of(value);
      return this;
    }

    Facts byCashier(long value) {
      byCashier = value;
      return this;
    }

    Facts atTill(long value) {
      atTill = value;
      return this;
    }

    Facts offline(long redemptionsToday) {
      online = false;
      offlineToday = redemptionsToday;
      return this;
    }

    Facts lastSync(Instant value) {
      lastSync = Optional.of(value);
      return this;
    }

    Facts standalone() {
      standalone = true;
      return this;
    }

    RedemptionFacts build() {
      return new RedemptionFacts(
          enough,
          true,
          trust,
          lastEarned,
          byCashier,
          atTill,
          standalone,
          online,
          offlineToday,
          lastSync,
          NOW);
    }

    @Override
    public String toString() {
      return "facts";
    }
  }
}
