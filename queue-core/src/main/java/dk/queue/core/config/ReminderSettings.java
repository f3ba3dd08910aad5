package dk.queue.core.config;

import java.time.LocalTime;
import java.util.Map;
import java.util.Objects;

/**
 * How booked citizens are reminded ({@code reminders:} in the organisation file): at {@code at} on
 * the day before the booked time, in the branch's zone, by e-mail through {@code smtp} and by SMS
 * through the HTTP gateway {@code sms}; either may be absent. Without the block nobody is reminded.
 *
 * @param checkSeconds how often the owner of a branch looks for bookings due a reminder
 */
public record ReminderSettings(LocalTime at, int checkSeconds, Smtp smtp, Sms sms) {
  public static final LocalTime DEFAULT_AT = LocalTime.of(18, 0);
  public static final int DEFAULT_CHECK_SECONDS = 60;

  public ReminderSettings {
    Objects.requireNonNull(at, "at");
  }

  /** An SMTP server; the password is read from the environment when the file is loaded, never from the file. */
  public record Smtp(String host, int port, String from, boolean startTls, String user, String password) {
    @Override
    public String toString() {
      return "Smtp[" + host + ":" + port + "]";
    }
  }

  /**
   * An SMS gateway: a POST to {@code url} with these headers and the body, whose placeholders
   * {@code {to}} (the phone number) and {@code {text}} (the reminder) are filled in, escaped for
   * JSON or for a form as the Content-Type header says.
   */
  public record Sms(String url, Map<String, String> headers, String body) {
    public Sms {
      headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
      return "Sms[" + url + "]";
    }
  }
}
