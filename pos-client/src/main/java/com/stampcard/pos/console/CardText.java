package com.stampcard.pos.console;

import com.stampcard.core.i18n.Messages;
import com.stampcard.core.ledger.Balance;
import com.stampcard.core.ledger.StampCard;
import com.stampcard.core.program.PointsProgram;
import com.stampcard.core.program.Program;
import com.stampcard.core.program.StampProgram;
import java.util.Locale;

/** A balance in words and dots, as the console prints it: {@code ●●●●●●●○○○ 7 of 10}. */
final class CardText {
  private CardText() {}

  static String of(Program program, Balance balance, Locale locale) {
    if (program instanceof StampProgram s) {
      StampCard card = new StampCard(s.stampsRequired(), balance.units());
      String dots = "●".repeat(card.stampsOnCard()) + "○".repeat(card.stampsToGo());
      String words =
          card.full()
              ? Messages.text(locale, "card.full", s.reward())
              : Messages.text(
                  locale,
                  "card.progress",
                  card.stampsOnCard(),
                  s.stampsRequired(),
                  card.stampsToGo(),
                  s.reward());
      return dots + "  " + words;
    }
    PointsProgram p = (PointsProgram) program;
    return Messages.text(locale, "card.points", balance.units())
        + p.nextRewardAfter(balance.units())
            .map(
                r ->
                    " "
                        + Messages.text(
                            locale, "card.points-to-go", r.points() - balance.units(), r.reward()))
            .orElse("");
  }
}
