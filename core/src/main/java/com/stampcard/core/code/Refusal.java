package com.stampcard.core.code;

/**
 * Thrown inside the parsers to leave early with a problem; never escapes this package. Carries no
 * stack trace: it is an expected outcome, not a bug.
 */
final class Refusal extends Exception {
  private final CodeProblem problem;

  Refusal(CodeProblem problem, String detail) {
    super(detail, null, false, false);
    this.problem = problem;
  }

  CodeReading.NotACode reading() {
    return new CodeReading.NotACode(problem, getMessage());
  }
}
