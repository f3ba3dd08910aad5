package dk.queue.core.config;

import dk.queue.core.domain.BookingDef;
import dk.queue.core.domain.OpeningHours;

/**
 * Reads a service's {@code booking} block at a branch:
 * <pre>
 * booking: {mode: both, slotMinutes: 15, hours: {mon-fri: "09:00-15:00"}, capacity: 2, daysAhead: 30,
 *           sameDayPlaces: 4, graceMinutes: 10, checkInEarlyMinutes: 30, keepDays: 30,
 *           letter: PB, tooEarly: wait}
 * </pre>
 * {@code letter} is the letter of booked tickets (default the service's; no other service of the
 * branch may use it); {@code tooEarly} is what a citizen checking in before check-in opens is told:
 * {@code comeBack} (when to, the default) or {@code wait} (checked in, on the booked day, to wait for
 * the booked time).
 * {@code mode} is {@code both} (booked times and walk-in tickets, the default) or {@code only}
 * (booked times only); a service without the block is walk-in only. {@code hours} default to the
 * service's own hours.
 */
final class BookingReader {
  static final int MAX_SLOT_MINUTES = 480;
  static final int MAX_DAYS_AHEAD = 366;

  private BookingReader() {}

  static BookingDef read(YamlNode node, OpeningHours serviceHours, boolean appointmentOnly) {
    Fields f = node.fields("mode", "slotMinutes", "hours", "capacity", "daysAhead", "sameDayPlaces", "graceMinutes",
        "checkInEarlyMinutes", "keepDays", "letter", "tooEarly");
    boolean only = f.optional("mode").map(BookingReader::only).orElse(appointmentOnly);
    if (appointmentOnly && !only) {
      throw f.required("mode").problem("mode: both offers walk-in tickets, but the service is appointmentOnly: "
          + "use mode: only, or leave out appointmentOnly");
    }
    int slot = f.optional("slotMinutes").map(n -> n.integer(5, MAX_SLOT_MINUTES))
        .orElse(BookingDef.DEFAULT_SLOT_MINUTES);
    OpeningHours hours = f.optional("hours").map(HoursParser::parse).orElse(serviceHours);
    int capacity = f.optional("capacity").map(n -> n.integer(1, 100)).orElse(BookingDef.DEFAULT_CAPACITY);
    int daysAhead = f.optional("daysAhead").map(n -> n.integer(0, MAX_DAYS_AHEAD))
        .orElse(BookingDef.DEFAULT_DAYS_AHEAD);
    int sameDay = f.optional("sameDayPlaces").map(n -> n.integer(0, 10_000)).orElse(0);
    int grace = f.optional("graceMinutes").map(n -> n.integer(0, 120)).orElse(BookingDef.DEFAULT_GRACE_MINUTES);
    int early = f.optional("checkInEarlyMinutes").map(n -> n.integer(0, 240))
        .orElse(BookingDef.DEFAULT_CHECK_IN_EARLY_MINUTES);
    int keep = f.optional("keepDays").map(n -> n.integer(1, 365)).orElse(BookingDef.DEFAULT_KEEP_DAYS);
    if (hours.week().values().stream().allMatch(java.util.List::isEmpty)) {
      throw node.problem("the booking hours are closed every day: no time could be booked");
    }
    String letter = f.optional("letter").map(ServiceReader::letter).orElse(null);
    boolean waitWhenEarly = f.optional("tooEarly").map(BookingReader::waitWhenEarly).orElse(false);
    return new BookingDef(only, slot, hours, capacity, daysAhead, sameDay, grace, early, keep, letter, waitWhenEarly);
  }

  private static boolean waitWhenEarly(YamlNode node) {
    return switch (node.text()) {
      case "wait" -> true;
      case "comeBack" -> false;
      default -> throw node.problem("'" + node.text() + "' is not what to do when too early: use comeBack (told when "
          + "check-in opens) or wait (checked in, waiting for the booked time)");
    };
  }

  private static boolean only(YamlNode node) {
    return switch (node.text()) {
      case "only" -> true;
      case "both" -> false;
      default -> throw node.problem("'" + node.text() + "' is not a booking mode: use both (booked times and "
          + "walk-in tickets) or only (booked times only)");
    };
  }
}
