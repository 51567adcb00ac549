package com.stampcard.core.program;

/** So many points buy this reward, for example 500 points for a free lunch. */
public record RewardThreshold(long points, String reward) {
  public RewardThreshold {
    if (points <= 0) {
      throw new IllegalArgumentException("a reward threshold must be more than 0 points");
    }
    ProgramChecks.requireText(reward, "reward");
  }
}
