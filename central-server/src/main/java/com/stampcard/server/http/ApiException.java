package com.stampcard.server.http;

import com.stampcard.core.sync.Problem;
import java.util.List;

/** Ends a request with a problem+json answer; nothing the request would have changed is kept. */
public final class ApiException extends RuntimeException {
  private final transient Problem problem;

  public ApiException(Problem problem) {
    super(problem.title() + ": " + problem.detail());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ApiException badRequest(String detail, List<Problem.FieldError> errors) {
    return new ApiException(Problem.of(400, "invalid-request", "The request is not valid", detail))
        .with(errors);
  }

  public static ApiException badRequest(String detail) {
    return badRequest(detail, List.of());
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(
        Problem.of(401, "unauthorized", "The till's credential was not accepted", detail));
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(Problem.of(403, "forbidden", "Not allowed for this till", detail));
  }

  public static ApiException notFound(String detail) {
    return new ApiException(Problem.of(404, "not-found", "Not found", detail));
  }

  public static ApiException conflict(String slug, String title, String detail) {
    return new ApiException(Problem.of(409, slug, title, detail));
  }

  public static ApiException tooLarge(long limit) {
    return new ApiException(
        Problem.of(
            413,
            "request-too-large",
            "The request is too large",
            "Requests may carry at most " + limit + " bytes. Send the events in smaller batches."));
  }

  /** The same problem with a key the client shows in the person's language (see Problem). */
  public ApiException withMessageKey(String key) {
    return new ApiException(problem.withMessageKey(key));
  }

  private ApiException with(List<Problem.FieldError> errors) {
    return errors.isEmpty() ? this : new ApiException(problem.withErrors(errors));
  }
}
