package com.stampcard.server.customer;

import com.stampcard.store.settings.LayeredSettings;
import com.stampcard.store.settings.SettingsException;

/**
 * Where customers' e-mail goes (settings {@code mail.*}): the log in development, or an SMTP
 * server.
 *
 * @param mode log or smtp
 * @param from the sender, for example {@code Stampcard <no-reply@shop.example>}
 * @param host the SMTP server (mode smtp)
 * @param port its port: 587 with STARTTLS, 25 for a local relay
 * @param user the login, empty for none
 * @param password its password
 * @param startTls whether to require STARTTLS before logging in
 */
public record MailSettings(
    Mode mode, String from, String host, int port, String user, String password, boolean startTls) {

  /** Where mail goes. */
  public enum Mode {
    LOG,
    SMTP
  }

  public static MailSettings from(LayeredSettings s) {
    MailSettings m =
        new MailSettings(
            Mode.valueOf(
                s.text("mail.mode", "log|smtp", "use log (development) or smtp")
                    .toUpperCase(java.util.Locale.ROOT)),
            s.text("mail.from"),
            s.text("mail.smtp.host").strip(),
            s.integer("mail.smtp.port", 1, 65_535),
            s.text("mail.smtp.user"),
            s.text("mail.smtp.password"),
            s.flag("mail.smtp.startTls"));
    if (m.mode == Mode.SMTP && m.host.isEmpty()) {
      throw new SettingsException(
          "mail.mode is smtp but mail.smtp.host is empty: name the SMTP server, or use mail.mode:"
              + " log for development.");
    }
    return m;
  }

  /** The outbox these settings describe. */
  public Outbox outbox() {
    return mode == Mode.SMTP ? new SmtpOutbox(this) : new LogOutbox();
  }

  @Override
  public String toString() {
    return "MailSettings[" + mode + " " + host + ":" + port + "]";
  }
}
