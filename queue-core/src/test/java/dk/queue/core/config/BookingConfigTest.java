package dk.queue.core.config;

import static dk.queue.core.config.SampleConfig.FILE;
import static dk.queue.core.config.SampleConfig.refused;
import static dk.queue.core.config.SampleConfig.withLine;
import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.BookingDef;
import dk.queue.core.domain.ServiceDef;
import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;

/** A service's booking block at a branch: read with its defaults, refused with a message that says where and what. */
class BookingConfigTest {
  static final String BOOKED = String.join("\n",
      "      - id: pas",
      "        booking: {mode: both, slotMinutes: 20, hours: {mon-fri: \"09:00-12:00\"}, capacity: 3, daysAhead: 14,",
      "                  sameDayPlaces: 2, graceMinutes: 5, checkInEarlyMinutes: 15, keepDays: 7}");

  static ServiceDef pas(String yaml) {
    return ConfigLoader.parse(yaml, FILE).branch("main").orElseThrow().service("pas").orElseThrow();
  }

  @Test
  void aBookingBlockIsReadWithEverySetting() {
    ServiceDef pas = pas(withLine(16, BOOKED));
    BookingDef b = pas.booking();
    assertThat(pas.appointmentOnly()).isFalse();
    assertThat(b.slotMinutes()).isEqualTo(20);
    assertThat(b.capacity()).isEqualTo(3);
    assertThat(b.daysAhead()).isEqualTo(14);
    assertThat(b.sameDayPlaces()).isEqualTo(2);
    assertThat(b.graceMinutes()).isEqualTo(5);
    assertThat(b.checkInEarlyMinutes()).isEqualTo(15);
    assertThat(b.keepDays()).isEqualTo(7);
    assertThat(b.hours().on(DayOfWeek.MONDAY)).hasSize(1);
    assertThat(b.hours().on(DayOfWeek.SATURDAY)).isEmpty();
  }

  @Test
  void defaultsAreTheServicesHoursAndWalkInStaysUnlessModeIsOnly() {
    ServiceDef pas = pas(withLine(16, "      - {id: pas, booking: {}}"));
    assertThat(pas.booking().hours()).isEqualTo(pas.hours());
    assertThat(pas.booking().slotMinutes()).isEqualTo(BookingDef.DEFAULT_SLOT_MINUTES);
    assertThat(pas.booking().keepDays()).isEqualTo(30);
    assertThat(pas.appointmentOnly()).isFalse();
    assertThat(pas(withLine(16, "      - {id: pas, booking: {mode: only}}")).appointmentOnly()).isTrue();
    assertThat(pas(SampleConfig.VALID).booking()).isNull();
  }

  @Test
  void badSettingsAreNamed() {
    refusedAt("      - {id: pas, booking: {mode: sometimes}}", "sometimes", "booking.mode",
        "'sometimes' is not a booking mode: use both");
    refusedAt("      - {id: pas, booking: {capacity: 0}}", "0}", "booking.capacity", "");
    refusedAt("      - {id: pas, booking: {slots: 3}}", "slots", "booking.slots", "unknown field 'slots'; allowed here: capacity");
    refusedAt("      - {id: pas, appointmentOnly: true, booking: {mode: both}}", "both", "booking.mode",
        "use mode: only");
    refusedAt("      - {id: pas, booking: {hours: closed}}", "{hours", "booking", "closed every day");
  }

  @Test
  void bookedTicketsTakeTheServicesLetterOrTheirOwnAndTooEarlyIsComeBackOrWait() {
    BookingDef own = pas(withLine(16, "      - {id: pas, booking: {letter: B, tooEarly: wait}}")).booking();
    assertThat(own.letterOf("P")).isEqualTo("B");
    assertThat(own.waitWhenEarly()).isTrue();
    BookingDef plain = pas(withLine(16, "      - {id: pas, booking: {}}")).booking();
    assertThat(plain.letterOf("P")).isEqualTo("P");
    assertThat(plain.waitWhenEarly()).isFalse();
    assertThat(pas(withLine(16, "      - {id: pas, booking: {letter: P, tooEarly: comeBack}}")).booking().letterOf("P"))
        .isEqualTo("P");
    refusedAt("      - {id: pas, booking: {tooEarly: soon}}", "soon", "booking.tooEarly", "use comeBack");
    refusedAt("      - {id: pas, booking: {letter: b1}}", "b1", "booking.letter", "one or two capital letters");
    // The booked tickets' letter clashes with laan's (L), offered after pas at the branch.
    refused(withLine(16, "      - {id: pas, booking: {letter: L}}"), 17, 9, "branches[0].services[1]",
        "letter L is used by both 'pas (booked)' and 'laan'");
  }

  /** Line 16 replaced by {@code line} is refused at {@code token}, naming the field under the branch's first service. */
  private static void refusedAt(String line, String token, String path, String message) {
    refused(withLine(16, line), 16, line.indexOf(token) + 1, "branches[0].services[0]." + path, message);
  }

  @Test
  void theDemoBooksPassportAndDrivingLicenceAndTheRestIsWalkIn() {
    QueueConfig demo = ConfigLoader.demo();
    var main = demo.branch("hovedbiblioteket").orElseThrow();
    assertThat(main.services().stream().filter(s -> s.booking() != null).map(ServiceDef::id))
        .containsExactly("pas", "koerekort");
    assertThat(main.service("pas").orElseThrow().appointmentOnly()).isFalse();
    assertThat(main.service("sundhedskort").orElseThrow().booking()).isNull();
  }
}
