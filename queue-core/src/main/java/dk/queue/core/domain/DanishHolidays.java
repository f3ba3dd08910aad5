package dk.queue.core.domain;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Danish public holidays of a year, and the days many branches close on besides (24 and 31
 * December, grundlovsdag), computed from the date of Easter. Store Bededag was a public holiday
 * until 2023 and is not from 2024.
 */
public final class DanishHolidays {
  /** The last year in which Store Bededag was a public holiday. */
  public static final int LAST_STORE_BEDEDAG = 2023;

  /** A day offered in the ready list: {@code publicHoliday} false for the days a branch may choose to close on. */
  public enum Day {
    NEW_YEARS_DAY("nytaarsdag", "Nytårsdag", "New Year's Day", true),
    MAUNDY_THURSDAY("skaertorsdag", "Skærtorsdag", "Maundy Thursday", true),
    GOOD_FRIDAY("langfredag", "Langfredag", "Good Friday", true),
    EASTER_SUNDAY("paaskedag", "Påskedag", "Easter Sunday", true),
    EASTER_MONDAY("2-paaskedag", "2. påskedag", "Easter Monday", true),
    GREAT_PRAYER_DAY("store-bededag", "Store Bededag", "Great Prayer Day", true),
    ASCENSION_DAY("kristi-himmelfartsdag", "Kristi himmelfartsdag", "Ascension Day", true),
    WHIT_SUNDAY("pinsedag", "Pinsedag", "Whit Sunday", true),
    WHIT_MONDAY("2-pinsedag", "2. pinsedag", "Whit Monday", true),
    CONSTITUTION_DAY("grundlovsdag", "Grundlovsdag", "Constitution Day", false),
    CHRISTMAS_EVE("juleaftensdag", "Juleaftensdag", "Christmas Eve", false),
    CHRISTMAS_DAY("juledag", "Juledag", "Christmas Day", true),
    BOXING_DAY("2-juledag", "2. juledag", "Boxing Day", true),
    NEW_YEARS_EVE("nytaarsaftensdag", "Nytårsaftensdag", "New Year's Eve", false);

    private final String key;
    private final LocalizedText name;
    private final boolean publicHoliday;

    Day(String key, String da, String en, boolean publicHoliday) {
      this.key = key;
      this.name = new LocalizedText(da, en);
      this.publicHoliday = publicHoliday;
    }

    /** The name used in the configuration, e.g. {@code juledag}. */
    public String key() {
      return key;
    }

    public LocalizedText text() {
      return name;
    }

    /** A public holiday (helligdag), as opposed to a day a branch may choose to close on. */
    public boolean publicHoliday() {
      return publicHoliday;
    }

    /** The day's date in {@code year}, or empty when it is not kept that year (Store Bededag from 2024). */
    public Optional<LocalDate> in(int year) {
      LocalDate easter = easterSunday(year);
      LocalDate date = switch (this) {
        case NEW_YEARS_DAY -> LocalDate.of(year, Month.JANUARY, 1);
        case MAUNDY_THURSDAY -> easter.minusDays(3);
        case GOOD_FRIDAY -> easter.minusDays(2);
        case EASTER_SUNDAY -> easter;
        case EASTER_MONDAY -> easter.plusDays(1);
        case GREAT_PRAYER_DAY -> year <= LAST_STORE_BEDEDAG ? easter.plusDays(26) : null;
        case ASCENSION_DAY -> easter.plusDays(39);
        case WHIT_SUNDAY -> easter.plusDays(49);
        case WHIT_MONDAY -> easter.plusDays(50);
        case CONSTITUTION_DAY -> LocalDate.of(year, Month.JUNE, 5);
        case CHRISTMAS_EVE -> LocalDate.of(year, Month.DECEMBER, 24);
        case CHRISTMAS_DAY -> LocalDate.of(year, Month.DECEMBER, 25);
        case BOXING_DAY -> LocalDate.of(year, Month.DECEMBER, 26);
        case NEW_YEARS_EVE -> LocalDate.of(year, Month.DECEMBER, 31);
      };
      return Optional.ofNullable(date);
    }

    /** The day with this configuration name. */
    public static Optional<Day> byKey(String key) {
      return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst();
    }
  }

  /** A day of the ready list on its date. */
  public record Dated(LocalDate date, Day day) {}

  private DanishHolidays() {}

  /** The public holidays of {@code year}, in date order. */
  public static List<Dated> publicHolidays(int year) {
    return all(year).stream().filter(d -> d.day().publicHoliday()).toList();
  }

  /** Every day of the ready list kept in {@code year}, public holidays and the optional days, in date order. */
  public static List<Dated> all(int year) {
    List<Dated> days = new ArrayList<>();
    for (Day d : Day.values()) {
      d.in(year).ifPresent(date -> days.add(new Dated(date, d)));
    }
    days.sort(java.util.Comparator.comparing(Dated::date));
    return days;
  }

  /** The public holiday on {@code date}, if it is one. */
  public static Optional<Day> publicHolidayOn(LocalDate date) {
    return publicHolidays(date.getYear()).stream().filter(d -> d.date().equals(date)).map(Dated::day).findFirst();
  }

  /** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
  public static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }
}
