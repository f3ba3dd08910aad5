package dk.queue.signage;

import dk.queue.core.config.ScreenDef;
import dk.queue.core.domain.Views;
import dk.queue.core.web.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a waiting-room screen shows, prepared for the templates: texts already in Danish and, when
 * the screen speaks it, English; times already in the branch's zone.
 */
public record ScreenModel(String screenId, String branchName, String layout, boolean english, boolean sound,
                          String zone, Call latest, List<Call> earlier, List<ServiceRow> services,
                          Map<String, String> texts) {

  /** How many calls a screen lists below the newest one. */
  public static final int EARLIER_CALLS = 5;

  public record Call(String number, String deskName, String service) {}

  public record ServiceRow(String id, String nameDa, String nameEn, boolean available, String statusDa,
                           String statusEn, String waitingDa, String waitingEn, String waitDa, String waitEn) {}

  public static ScreenModel of(ScreenDef screen, Views.BranchSnapshot snapshot, ZoneId zone, Instant now) {
    List<Call> calls = snapshot.recentCalls().stream()
        .limit(EARLIER_CALLS + 1L)
        .map(c -> new Call(c.number(), c.deskName(), c.service()))
        .toList();
    List<ServiceRow> services = snapshot.services().stream().map(s -> row(s, zone, now)).toList();
    return new ScreenModel(screen.id(), snapshot.name(), screen.layout(), screen.languages().contains(Messages.ENGLISH),
        screen.sound(), zone.getId(), calls.isEmpty() ? null : calls.get(0),
        calls.size() > 1 ? calls.subList(1, calls.size()) : List.of(), services,
        Messages.all(Messages.DANISH, "screen.", "common."));
  }

  private static ServiceRow row(Views.ServiceView s, ZoneId zone, Instant now) {
    return new ServiceRow(s.id(), s.name().da(), s.name().en(), s.available() && !s.appointmentOnly(),
        status(s, zone, now, Messages.DANISH), status(s, zone, now, Messages.ENGLISH),
        count(s.waiting(), Messages.DANISH), count(s.waiting(), Messages.ENGLISH),
        wait(s, Messages.DANISH), wait(s, Messages.ENGLISH));
  }

  private static String status(Views.ServiceView s, ZoneId zone, Instant now, String lang) {
    if (s.appointmentOnly()) {
      return Messages.text(lang, "screen.appointmentOnly");
    }
    if (s.available()) {
      return Messages.text(lang, "screen.availableNow");
    }
    if (s.opensAt() != null) {
      return Messages.text(lang, "screen.opensAt").replace("{t}", when(s.opensAt(), zone, now, lang));
    }
    return Messages.text(lang, "screen.notNow");
  }

  private static String count(int waiting, String lang) {
    return Messages.text(lang, "screen.waiting").replace("{n}", String.valueOf(waiting));
  }

  private static String wait(Views.ServiceView s, String lang) {
    if (!s.available() || s.estimatedWaitSeconds() == null) {
      return "";
    }
    String w = s.estimatedWaitSeconds() < 60 ? Messages.text(lang, "common.noWait")
        : Messages.text(lang, "common.minutes").replace("{n}", String.valueOf(Math.round(s.estimatedWaitSeconds() / 60.0)));
    return Messages.text(lang, "screen.expectedWait").replace("{w}", w);
  }

  /** "10:00" today, "i morgen 10:00" tomorrow, else "tirsdag 10:00". */
  static String when(OffsetDateTime t, ZoneId zone, Instant now, String lang) {
    Locale locale = Messages.ENGLISH.equals(lang) ? Locale.ENGLISH : Locale.forLanguageTag("da");
    LocalDate day = t.atZoneSameInstant(zone).toLocalDate();
    LocalDate today = now.atZone(zone).toLocalDate();
    String time = t.atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern("HH:mm"));
    if (day.equals(today)) {
      return time;
    }
    if (day.equals(today.plusDays(1))) {
      return Messages.text(lang, "common.tomorrow") + " " + time;
    }
    return day.getDayOfWeek().getDisplayName(TextStyle.FULL, locale) + " " + time;
  }
}
