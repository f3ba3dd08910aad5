package dk.queue.core.config;

import static dk.queue.core.config.SampleConfig.FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** The {@code reminders} block: read with its settings, or refused with a message that says where and what. */
class ReminderConfigTest {
  static final String SMTP = "  smtp: {host: smtp.example.dk, port: 587, from: \"Borgerservice <noreply@example.dk>\","
      + " starttls: true, user: koe, passwordEnv: PATH}";
  static final String SMS = "  sms: {url: \"https://sms.example.dk/send\", headers: {Content-Type: application/json,"
      + " Authorization: \"env:PATH\"}, body: '{\"to\": \"{to}\", \"text\": \"{text}\"}'}";

  static QueueConfig parse(String... block) {
    return ConfigLoader.parse(SampleConfig.VALID + "\nreminders:\n" + String.join("\n", block) + "\n", FILE);
  }

  static String refused(String... block) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(block));
    assertThat(e).as("refused").isNotNull();
    assertThat(e.problems()).as(e.getMessage()).hasSize(1);
    assertThat(e.getMessage()).startsWith(FILE + ":").contains("reminders");
    return e.getMessage();
  }

  @Test
  void theBlockIsReadWithThePasswordAndHeaderFromTheEnvironment() {
    ReminderSettings r = parse("  at: \"17:30\"", SMTP, SMS).reminders();
    assertThat(r.at()).isEqualTo(LocalTime.of(17, 30));
    assertThat(r.checkSeconds()).isEqualTo(ReminderSettings.DEFAULT_CHECK_SECONDS);
    assertThat(r.smtp().host()).isEqualTo("smtp.example.dk");
    assertThat(r.smtp().port()).isEqualTo(587);
    assertThat(r.smtp().startTls()).isTrue();
    assertThat(r.smtp().password()).isEqualTo(System.getenv("PATH"));
    assertThat(r.smtp().toString()).doesNotContain(System.getenv("PATH"));
    assertThat(r.sms().headers()).containsEntry("Authorization", System.getenv("PATH"))
        .containsEntry("Content-Type", "application/json");
    assertThat(parse(SMTP).reminders().at()).isEqualTo(ReminderSettings.DEFAULT_AT);
    assertThat(ConfigLoader.parse(SampleConfig.VALID, FILE).reminders()).as("no block: no reminders").isNull();
  }

  @Test
  void eachMistakeIsRefusedSayingWhat() {
    assertThat(refused(SMTP.replace("PATH", "QUEUE_NO_SUCH_VARIABLE_SET")))
        .contains("the environment variable QUEUE_NO_SUCH_VARIABLE_SET is not set");
    assertThat(refused(SMS.replace("{to}", "{phone}"))).contains("{to} (the phone number) and {text}");
    assertThat(refused(SMS.replace("https://sms.example.dk/send", "ftp://sms.example.dk")))
        .contains("is not an http or https address");
    assertThat(refused("  at: \"6 pm\"", SMTP)).contains("'6 pm' is not a time of day such as 18:00");
    assertThat(refused("  at: \"18:00\"")).contains("reminders need smtp (e-mail), sms (an SMS gateway) or both");
    assertThat(refused(SMTP.replace("passwordEnv: PATH", "password: hemmelig")))
        .contains("unknown field 'password'");
    assertThat(refused(SMTP.replace(", user: koe", ""))).contains("user and passwordEnv go together");
  }
}
