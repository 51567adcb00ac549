package com.stampcard.server.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

class OutboxTest {
  @Test
  void anAddressInTheLogIsMasked() {
    assertThat(LogOutbox.mask("kim.andersson@example.com")).isEqualTo("k*****@e*****.com");
    assertThat(LogOutbox.mask("nobody")).isEqualTo("***");
    assertThat(new Outbox.Mail("kim@example.com", "s", "b").toString()).doesNotContain("kim@");
  }

  @Test
  void theSmtpOutboxDeliversToARealSmtpServer() throws Exception {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    try {
      MailSettings settings =
          new MailSettings(
              MailSettings.Mode.SMTP,
              "Stampcard <no-reply@shop.example>",
              "127.0.0.1",
              smtp.getSmtp().getPort(),
              "",
              "",
              false);
      settings.outbox().send(new Outbox.Mail("kim@example.com", "Confirm", "Open this link: x"));
      assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
      MimeMessage m = smtp.getReceivedMessages()[0];
      assertThat(m.getSubject()).isEqualTo("Confirm");
      assertThat(m.getAllRecipients()[0].toString()).isEqualTo("kim@example.com");
      assertThat(m.getContent().toString()).contains("Open this link");
    } finally {
      smtp.stop();
    }
  }
}
