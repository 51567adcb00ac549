package com.stampcard.server.customer;

/**
 * Where the server's e-mail to customers goes: the log in development, an SMTP server in
 * production.
 */
public interface Outbox {
  /**
   * A message to one customer.
   *
   * @param to the address (never logged in full)
   * @param subject the subject line
   * @param body plain text
   */
  record Mail(String to, String subject, String body) {
    @Override
    public String toString() {
      return "Mail[to=" + LogOutbox.mask(to) + ", subject=" + subject + "]";
    }
  }

  /** Sends {@code mail}; a failure is logged, not thrown (the customer can ask again). */
  void send(Mail mail);
}
