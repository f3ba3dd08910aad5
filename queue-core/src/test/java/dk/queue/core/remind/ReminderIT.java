package dk.queue.core.remind;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.queue.core.config.ReminderSettings;
import dk.queue.core.domain.Booking;
import dk.queue.core.node.BookingConfig;
import dk.queue.core.node.Http;
import dk.queue.core.node.NodeOptions;
import dk.queue.core.node.TestNode;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reminders from a real node to a real SMTP server (GreenMail) and a real HTTP server standing in
 * for the SMS gateway, the node's clock moved to the reminder time: sent at 18:00 the day before,
 * once, in the booking's language, with the private link; a booking made after its reminder time
 * reminded at once; a node stopped between sending and recording sends it once more after its
 * restart, and no more. Phone numbers and addresses never reach the metrics.
 */
class ReminderIT {
  static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  static final BookingConfig.MovableClock CLOCK = new BookingConfig.MovableClock();
  static GreenMail smtp;
  static SmsGateway gateway;
  static Path dataDir;
  static UnaryOperator<NodeOptions> options;
  static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    gateway = new SmsGateway();
    ReminderSettings settings = new ReminderSettings(LocalTime.of(18, 0), 1,
        new ReminderSettings.Smtp("127.0.0.1", smtp.getSmtp().getPort(), "borgerservice@example.dk", false, null, null),
        new ReminderSettings.Sms(gateway.url(), Map.of("Content-Type", "application/json", "Authorization", "Bearer sms-key"),
            "{\"to\": \"{to}\", \"message\": \"{text}\"}"));
    dataDir = Files.createTempDirectory("queue-reminders");
    options = o -> o.withConfig(BookingConfig.create(3).withReminders(settings)).withClock(CLOCK);
    node = TestNode.start(dataDir, options);
  }

  @AfterAll
  static void stop() throws Exception {
    CLOCK.set(Instant.now());
    node.close();
    gateway.close();
    smtp.stop();
  }

  static LocalDate today() {
    return CLOCK.instant().atZone(CPH).toLocalDate();
  }

  static OffsetDateTime at(LocalDate day, int hour, int minute) {
    return day.atTime(hour, minute).atZone(CPH).toOffsetDateTime();
  }

  static Http.Reply book(OffsetDateTime start, String name, String phone, String email, String language) throws Exception {
    JsonObject body = new JsonObject().put("service", "pas").put("start", start.toString()).put("name", name)
        .put("language", language);
    if (phone != null) {
      body.put("phone", phone);
    }
    if (email != null) {
      body.put("email", email);
    }
    Http.Reply r = node.post("/api/branches/main/bookings", body.encode());
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r;
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  static MimeMessage mailTo(String address) throws Exception {
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (m.getAllRecipients()[0].toString().equals(address)) {
        return m;
      }
    }
    return null;
  }

  static long mailsTo(String address) throws Exception {
    long n = 0;
    for (MimeMessage m : smtp.getReceivedMessages()) {
      n += m.getAllRecipients()[0].toString().equals(address) ? 1 : 0;
    }
    return n;
  }

  static long smsTo(String phone) {
    return gateway.received.stream().filter(j -> phone.equals(j.getString("to"))).count();
  }

  static Booking booking(String secret) throws Exception {
    return node.node.engine().state("main").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
        .bookings().bySecret(secret).orElseThrow();
  }

  @Test
  void remindedAtSixTheEveningBeforeOnceInTheBookingsLanguageWithThePrivateLink() throws Exception {
    CLOCK.set(Instant.now());
    LocalDate day = today().plusDays(3);
    OffsetDateTime start = at(day, 10, 0);
    Http.Reply da = book(start, "Karen Blixen", "+45 20 30 40 50", "karen@example.dk", "da");
    Http.Reply en = book(at(day, 10, 15), "Tom Kristensen", null, "tom@example.dk", "en");
    book(at(day, 10, 30), "Uden Kontakt", null, null, "da");

    CLOCK.set(at(day.minusDays(1), 17, 59).toInstant());
    Thread.sleep(1500); // a check or more at 17:59: nothing due yet
    assertThat(mailsTo("karen@example.dk")).isZero();
    assertThat(smsTo("+45 20 30 40 50")).isZero();

    CLOCK.set(at(day.minusDays(1), 18, 0).toInstant());
    await("both e-mails and the SMS", () -> {
      try {
        return mailsTo("karen@example.dk") == 1 && mailsTo("tom@example.dk") == 1 && smsTo("+45 20 30 40 50") == 1;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    String secret = da.body().get("secret").asText();
    String code = da.body().get("code").asText();
    String link = node.base() + "/b/" + secret;
    MimeMessage mail = mailTo("karen@example.dk");
    assertThat(mail.getSubject()).startsWith("Påmindelse: Pas").contains("kl. 10:00");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("borgerservice@example.dk");
    assertThat((String) mail.getContent()).contains("Hej Karen Blixen", "kl. 10:00", "Hovedbiblioteket", code, link);
    MimeMessage english = mailTo("tom@example.dk");
    assertThat(english.getSubject()).startsWith("Reminder: Passport").contains("at 10:15");
    assertThat((String) english.getContent()).contains("Hello Tom Kristensen", en.body().get("code").asText(),
        node.base() + "/b/" + en.body().get("secret").asText());
    JsonObject sms = gateway.received.stream().filter(j -> "+45 20 30 40 50".equals(j.getString("to"))).findFirst()
        .orElseThrow();
    assertThat(sms.getString("message")).contains("Husk din tid til Pas", "kl. 10:00", code, link);
    assertThat(gateway.authorizations).contains("Bearer sms-key");

    // The link opens the booking.
    assertThat(new Http(node.base()).get("/api/bookings/" + secret).body().get("code").asText()).isEqualTo(code);
    // Recorded in the branch's log, and not sent again.
    await("recorded", () -> {
      try {
        return start.toInstant().equals(booking(secret).remindedFor());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    CLOCK.set(at(day.minusDays(1), 21, 0).toInstant());
    Thread.sleep(1500);
    assertThat(mailsTo("karen@example.dk")).isEqualTo(1);
    assertThat(smsTo("+45 20 30 40 50")).isEqualTo(1);

    String metrics = node.node.metrics().registry().scrape();
    assertThat(metrics).contains("queue_reminders_total{branch=\"main\",channel=\"email\",outcome=\"sent\"}")
        .contains("queue_reminders_total{branch=\"main\",channel=\"sms\",outcome=\"sent\"}")
        .doesNotContain("karen@example.dk").doesNotContain("20 30 40 50").doesNotContain("Karen");
  }

  @Test
  void aBookingMadeAfterItsReminderTimeIsRemindedAtOnce() throws Exception {
    CLOCK.set(Instant.now());
    LocalDate day = today().plusDays(10);
    CLOCK.set(at(day.minusDays(1), 20, 0).toInstant());
    book(at(day, 9, 0), "Sen Booker", "+45 11 22 33 44", null, "da");
    await("the SMS at once", () -> smsTo("+45 11 22 33 44") == 1);
  }

  @Test
  void aNodeStoppedBetweenSendingAndRecordingSendsItOnceMoreAfterItsRestart() throws Exception {
    CLOCK.set(Instant.now());
    LocalDate day = today().plusDays(20);
    Http.Reply r = book(at(day, 11, 0), "Genstart Hansen", "+45 55 66 77 88", null, "da");
    String secret = r.body().get("secret").asText();
    gateway.hold = true;
    try {
      CLOCK.set(at(day.minusDays(1), 18, 30).toInstant());
      await("the held SMS", () -> smsTo("+45 55 66 77 88") == 1);
      node.close(); // the gateway has it; the node never hears back, so never records it
    } finally {
      gateway.hold = false;
    }
    node = TestNode.start(dataDir, options);
    await("sent again by the restarted node", () -> smsTo("+45 55 66 77 88") == 2);
    await("recorded", () -> {
      try {
        return booking(secret).remindedFor() != null;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(1500);
    assertThat(smsTo("+45 55 66 77 88")).as("one duplicate, no more").isEqualTo(2);
  }
}
