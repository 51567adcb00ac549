package com.stampcard.server.customer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development outbox: writes each message, link included, to the log {@value #LOGGER}, with the
 * address masked (a*****@e*****.com). Not for production: its links let whoever reads the log in.
 */
public final class LogOutbox implements Outbox {
  /** The logger the messages go to. */
  public static final String LOGGER = "stampcard.mail";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  @Override
  public void send(Mail mail) {
    LOG.info("mail to {}: {}\n{}", mask(mail.to()), mail.subject(), mail.body());
  }

  /** An address with all but the first letter of its name and of its domain hidden. */
  public static String mask(String address) {
    int at = address.indexOf('@');
    if (at < 1) {
      return "***";
    }
    String domain = address.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    String host = dot > 0 ? domain.substring(0, dot) : domain;
    String tld = dot > 0 ? domain.substring(dot) : "";
    return address.charAt(0) + "*****@" + (host.isEmpty() ? "" : host.charAt(0) + "*****") + tld;
  }
}
