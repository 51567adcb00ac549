package com.stampcard.server.customer;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends customers' e-mail through an SMTP server (Jakarta Mail). A message that can't be sent is
 * logged (address masked) and dropped: the customer can ask for the link again.
 */
public final class SmtpOutbox implements Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpOutbox.class);

  private final MailSettings settings;
  private final Session session;

  public SmtpOutbox(MailSettings settings) {
    this.settings = settings;
    Properties p = new Properties();
    p.put("mail.smtp.host", settings.host());
    p.put("mail.smtp.port", Integer.toString(settings.port()));
    p.put("mail.smtp.auth", Boolean.toString(!settings.user().isEmpty()));
    p.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
    p.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "10000");
    p.put("mail.smtp.writetimeout", "10000");
    this.session = Session.getInstance(p);
  }

  @Override
  public void send(Mail mail) {
    try {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress(settings.from()));
      m.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
      m.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
      m.setText(mail.body(), StandardCharsets.UTF_8.name());
      if (settings.user().isEmpty()) {
        Transport.send(m);
      } else {
        Transport.send(m, settings.user(), settings.password());
      }
      LOG.info("mail sent to {}: {}", LogOutbox.mask(mail.to()), mail.subject());
    } catch (MessagingException e) {
      LOG.warn(
          "mail to {} not sent ({}): check mail.smtp.* in the server's settings",
          LogOutbox.mask(mail.to()),
          e.getMessage());
    }
  }
}
