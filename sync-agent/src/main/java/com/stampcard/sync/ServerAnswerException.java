package com.stampcard.sync;

import com.stampcard.core.sync.Problem;
import java.util.Optional;

/** The server answered, with an error: a 4xx is not worth retrying as it is; a 5xx may pass. */
public final class ServerAnswerException extends SyncException {
  private final int status;
  private final transient Optional<Problem> problem;

  ServerAnswerException(int status, Optional<Problem> problem, String what) {
    super(
        what
            + ": the server answered "
            + status
            + problem.map(p -> " (" + p.title() + ": " + p.detail() + ")").orElse(""),
        null);
    this.status = status;
    this.problem = problem;
  }

  public int status() {
    return status;
  }

  public Optional<Problem> problem() {
    return problem;
  }
}
