package com.stampcard.pos.ui.controls;

import com.stampcard.core.ledger.Balance;
import com.stampcard.core.ledger.StampCard;
import com.stampcard.core.program.PointsProgram;
import com.stampcard.core.program.Program;
import com.stampcard.core.program.RewardThreshold;
import com.stampcard.core.program.StampProgram;
import com.stampcard.pos.ui.i18n.Msg;
import java.util.Optional;

/**
 * A customer's card as the till and the customer display draw it: the stamps (or points) and what
 * is still to go, in words.
 *
 * @param stampsRequired the stamps of a full card; 0 for a points program
 * @param stampsOnCard stamps to draw filled
 * @param points points held; 0 for a stamp program
 * @param nextRewardAt the points of the next reward; 0 when there is none or for stamps
 * @param count the count in words: "7 of 10", "420 points"
 * @param toGo what is still to go: "3 more to a free coffee", "Card full: ..."
 */
public record CardFace(
    String programName,
    boolean stamps,
    int stampsRequired,
    int stampsOnCard,
    long points,
    long nextRewardAt,
    boolean full,
    Msg count,
    Msg toGo) {

  public static CardFace of(Program program, Balance balance) {
    return of(program, balance.units());
  }

  public static CardFace of(Program program, long units) {
    if (program instanceof StampProgram s) {
      StampCard card = new StampCard(s.stampsRequired(), units);
      return new CardFace(
          s.name(),
          true,
          s.stampsRequired(),
          card.stampsOnCard(),
          0,
          0,
          card.full(),
          Msg.of("ui.card.count", card.stampsOnCard(), s.stampsRequired()),
          card.full()
              ? Msg.of("ui.card.full", s.reward())
              : Msg.of("ui.card.to-go", card.stampsToGo(), s.reward()));
    }
    PointsProgram p = (PointsProgram) program;
    Optional<RewardThreshold> next = p.nextRewardAfter(units);
    boolean reached = p.rewardReachedWith(units).isPresent();
    Msg toGo =
        reached
            ? Msg.of("ui.card.full", p.rewardReachedWith(units).get().reward())
            : next.map(r -> Msg.of("ui.card.to-go-points", r.points() - units, r.reward()))
                .orElse(Msg.of("ui.card.points-none"));
    return new CardFace(
        p.name(),
        false,
        0,
        0,
        units,
        next.map(RewardThreshold::points).orElse(0L),
        reached,
        Msg.of("ui.card.points", units),
        toGo);
  }
}
