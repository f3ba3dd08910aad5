package dk.queue.core.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A day (or days) on which a branch keeps other hours than its week's: closed, or open only
 * within {@code hours}. Either a span of dates ({@code from} to {@code to}, both included) or a
 * day of the ready list ({@code holiday}: a {@link DanishHolidays.Day#key()}, or
 * {@link #ALL_PUBLIC} for every public holiday), every year.
 *
 * @param hours  empty when closed; otherwise the day's hours are the week's cut to these
 * @param reason shown with the closing ("Lukket: juledag"); null to use the holiday's name
 */
public record SpecialDay(LocalDate from, LocalDate to, String holiday, List<TimeRange> hours, LocalizedText reason)
    implements Serializable {
  /** The {@code holiday} that stands for every Danish public holiday. */
  public static final String ALL_PUBLIC = "helligdage";
  /** The longest span one entry may cover: a year, so a typo cannot close a branch for decades. */
  public static final int MAX_SPAN_DAYS = 366;

  public SpecialDay {
    hours = hours == null ? List.of() : List.copyOf(hours);
    if (holiday == null) {
      Objects.requireNonNull(from, "from");
      to = to == null ? from : to;
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("the span ends (" + to + ") before it starts (" + from + ")");
      }
      if (from.plusDays(MAX_SPAN_DAYS).isBefore(to)) {
        throw new IllegalArgumentException("a span may cover at most " + MAX_SPAN_DAYS + " days");
      }
    } else if (!holiday.equals(ALL_PUBLIC) && DanishHolidays.Day.byKey(holiday).isEmpty()) {
      throw new IllegalArgumentException("'" + holiday + "' is not a day of the holiday list");
    }
  }

  /** Closed on one date, or a span of dates. */
  public static SpecialDay closed(LocalDate from, LocalDate to, LocalizedText reason) {
    return new SpecialDay(from, to, null, List.of(), reason);
  }

  /** Closed on a day of the ready list (or {@link #ALL_PUBLIC}), every year. */
  public static SpecialDay closedOn(String holiday) {
    return new SpecialDay(null, null, holiday, List.of(), null);
  }

  /** How this entry treats {@code date}, if it covers it. */
  public Optional<DayOff> on(LocalDate date) {
    if (holiday == null) {
      return date.isBefore(from) || date.isAfter(to) ? Optional.empty() : Optional.of(new DayOff(date, hours, reason));
    }
    Optional<DanishHolidays.Day> day = holiday.equals(ALL_PUBLIC)
        ? DanishHolidays.publicHolidayOn(date)
        : DanishHolidays.Day.byKey(holiday).filter(d -> d.in(date.getYear()).filter(date::equals).isPresent());
    return day.map(d -> new DayOff(date, hours, reason == null ? d.text() : reason));
  }

  /** The most days in any window this entry can change: each can move a next opening by a day. */
  int reach() {
    if (holiday == null) {
      return (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    }
    return holiday.equals(ALL_PUBLIC) ? DanishHolidays.Day.values().length : 1;
  }

  /**
   * What a branch keeps on one date instead of its week.
   *
   * @param hours  empty when closed all day
   * @param reason why, or null
   */
  public record DayOff(LocalDate date, List<TimeRange> hours, LocalizedText reason) implements Serializable {
    public DayOff {
      hours = List.copyOf(hours);
    }

    public boolean closed() {
      return hours.isEmpty();
    }
  }
}
