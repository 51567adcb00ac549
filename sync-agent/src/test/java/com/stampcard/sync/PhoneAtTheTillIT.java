package com.stampcard.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.till.StampOutcome;
import com.stampcard.server.CentralServer;
import com.stampcard.server.testing.AppPage;
import com.stampcard.server.testing.Browser;
import com.stampcard.server.testing.TestServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way round: the customer opens the app in a real (headless) browser, the till reads the
 * QR code from the phone's screen and stamps it through its own stamp path, the till's agent pushes
 * the stamp, and the open page shows the card with the stamp without a reload.
 */
class PhoneAtTheTillIT {
  @TempDir Path folder;

  @Test
  void aStampGivenAtTheTillForThePhonesQrCodeShowsOnThePhone() throws Exception {
    try (CentralServer server = TestServers.h2(folder.resolve("server"), Map.of())) {
      try (TestTill till = TestTill.enrolledWith(server, folder, "cafe-norr", "till-1");
          Browser phone = Browser.phone(folder.resolve("phone"), "en")) {
        till.agent.start();
        AppPage app = AppPage.open(phone, server.uri().toString());
        Counter counter = new Counter(till);

        StampOutcome first = counter.stamp(app.scanQr());

        assertThat(first).isInstanceOf(StampOutcome.Given.class);
        long units = ((StampOutcome.Given) first).balance().units();
        assertThat(app.cardWith("coffee-card", units)).isNotEmpty();
        phone.screenshot("app-6-stamped-at-a-till");
      }
    }
  }
}
