package com.stampcard.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body with a hard size limit, whatever Content-Length claims. */
public final class Bodies {
  private Bodies() {}

  public static byte[] read(Context ctx, long limit) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw ApiException.tooLarge(limit);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (body.length > limit) {
        throw ApiException.tooLarge(limit);
      }
      return body;
    } catch (IOException e) {
      throw ApiException.badRequest("The body could not be read: " + e.getMessage());
    }
  }
}
