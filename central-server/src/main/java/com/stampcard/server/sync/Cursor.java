package com.stampcard.server.sync;

import com.stampcard.server.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a till stands in the two feeds: the last event and the last account change it was given,
 * each as (transaction id, position). Opaque to tills: base64url of {@code 1.ex.ep.cx.cp}.
 */
record Cursor(long eventXid, long eventPos, long changeXid, long changePos) {
  static final Cursor START = new Cursor(-1, -1, -1, -1);

  static Cursor parse(String text) {
    if (text == null || text.isEmpty()) {
      return START;
    }
    try {
      if (text.length() > 200) {
        throw new IllegalArgumentException("too long");
      }
      String[] parts =
          new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split("\\.");
      if (parts.length != 5 || !parts[0].equals("1")) {
        throw new IllegalArgumentException("unknown format");
      }
      return new Cursor(
          Long.parseLong(parts[1]),
          Long.parseLong(parts[2]),
          Long.parseLong(parts[3]),
          Long.parseLong(parts[4]));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "The cursor is not one this server handed out. Send the cursor of the last page you"
              + " applied, or none to start from the beginning.");
    }
  }

  String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            ("1." + eventXid + "." + eventPos + "." + changeXid + "." + changePos)
                .getBytes(StandardCharsets.US_ASCII));
  }
}
