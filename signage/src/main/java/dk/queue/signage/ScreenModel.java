package dk.queue.signage;

import dk.queue.core.config.Look;
import dk.queue.core.config.QueueConfig;
import dk.queue.core.config.ScreenDef;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.LocalizedText;
import dk.queue.core.domain.TimeRange;
import dk.queue.core.domain.BranchState;
import dk.queue.core.views.BranchView;
import dk.queue.core.views.BranchViews;
import dk.queue.core.web.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a screen shows, prepared for the templates: every text in Danish and English (the template
 * shows what the screen speaks), times already in the branch's zone.
 *
 * @param english   whether English is shown, beside Danish or taking turns with it
 * @param alternate whether the languages take turns instead of standing side by side
 * @param counter   the desk of a counter display; null on a waiting-room screen
 * @param bookable  whether a service shown can be booked: a line tells booked citizens to check in
 * @param closedToday "I dag er der lukket (juledag). Vi åbner igen mandag 09:00" on a closed day; else null
 */
public record ScreenModel(String screenId, String branchName, String layout, boolean english, boolean alternate,
                          boolean sound, String zone, Look look, Call latest, List<Call> earlier,
                          List<ServiceRow> services, Counter counter, boolean bookable,
                          LocalizedText closedToday) {

  /** How many calls a screen lists below the newest one. */
  public static final int EARLIER_CALLS = 5;
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  public record Call(String number, String deskName, String service) {}

  /**
   * A service's line. When available: the number waiting and the expected wait ("8 min", the same
   * in both languages). When not: why, and in {@code elsewhere} the other branches that offer it
   * later today (null when there are none).
   */
  public record ServiceRow(String id, LocalizedText name, boolean available, LocalizedText status,
                           int waiting, String expectedWait, LocalizedText elsewhere) {}

  /** A counter display: the desk, its state ({@code closed}, {@code open}, ...) and current ticket. */
  public record Counter(String deskName, String state, String number, LocalizedText label) {}

  /** What the screen shows of the branch now, from the public view with all the recent calls to choose from. */
  public static ScreenModel of(QueueConfig config, ScreenDef screen, BranchState state, Instant now) {
    return of(config, screen, BranchViews.publicView(state, now, BranchState.RECENT_CALLS), now);
  }

  public static ScreenModel of(QueueConfig config, ScreenDef screen, BranchView snapshot, Instant now) {
    BranchDef branch = config.branch(screen.branch()).orElseThrow();
    ZoneId zone = branch.zone();
    List<BranchView.CallView> shown = snapshot.recentCalls().stream()
        .filter(c -> screen.showsDesk(c.desk()) && screen.showsService(c.service()))
        .toList();
    // Large: the newest call whose citizen is still called or served at that desk. One that was
    // done, transferred or did not show leaves it for the list below.
    Optional<BranchView.CallView> newest = shown.stream().filter(c -> atDesk(snapshot, c)).findFirst();
    List<Call> earlier = shown.stream().filter(c -> newest.isEmpty() || c != newest.get()).limit(EARLIER_CALLS)
        .map(ScreenModel::call).toList();
    List<ServiceRow> services = snapshot.services().stream()
        .filter(s -> screen.showsService(s.id()))
        .map(s -> row(s, config, branch, now))
        .toList();
    Look look = config.look(screen.branch());
    Counter counter = screen.counter() ? counter(snapshot, screen.desks().get(0)) : null;
    return new ScreenModel(screen.id(), snapshot.name(), screen.layout(),
        screen.languages().contains(Messages.ENGLISH), ScreenDef.ALTERNATE.equals(screen.languageMode()),
        screen.sound(), zone.getId(), look, newest.map(ScreenModel::call).orElse(null), earlier, services, counter,
        branch.services().stream().anyMatch(s -> s.booking() != null && screen.showsService(s.id())),
        closedToday(snapshot.today(), zone, now));
  }

  private static LocalizedText closedToday(BranchView.TodayView today, ZoneId zone, Instant now) {
    if (today == null || !today.closed()) {
      return null;
    }
    return text(lang -> Messages.text(lang, "screen.closedToday")
        .replace("{reason}", today.reason() == null ? "" : " (" + today.reason().in(lang) + ")")
        + (today.opensAt() == null ? ""
            : " " + Messages.text(lang, "screen.opensAgain").replace("{t}", when(today.opensAt(), zone, now, lang))));
  }

  private static Call call(BranchView.CallView c) {
    return new Call(c.number(), c.deskName(), c.service());
  }

  private static boolean atDesk(BranchView snapshot, BranchView.CallView c) {
    return snapshot.desks().stream().anyMatch(d -> d.id().equals(c.desk()) && d.current() != null
        && d.current().number().equals(c.number()));
  }

  private static Counter counter(BranchView snapshot, String deskId) {
    BranchView.DeskView desk = snapshot.desks().stream().filter(d -> d.id().equals(deskId)).findFirst().orElseThrow();
    String number = desk.current() == null ? null : desk.current().number();
    String label = switch (desk.state()) {
      case "closed" -> "screen.counter.closed";
      case "paused" -> "screen.counter.paused";
      case "calling", "serving" -> "screen.counter.number";
      default -> "screen.counter.open";
    };
    return new Counter(desk.name(), desk.state(), number, text(lang -> Messages.text(lang, label)));
  }

  private static ServiceRow row(BranchView.ServiceView s, QueueConfig config, BranchDef here, Instant now) {
    boolean available = s.available() && !s.appointmentOnly();
    return new ServiceRow(s.id(), s.name(), available,
        text(lang -> status(s, here.zone(), now, lang)),
        s.waiting(), expectedWait(s), available ? null : elsewhere(s.id(), config, here, now));
  }

  private static LocalizedText text(Function<String, String> inLanguage) {
    return new LocalizedText(inLanguage.apply(Messages.DANISH), inLanguage.apply(Messages.ENGLISH));
  }

  private static String status(BranchView.ServiceView s, ZoneId zone, Instant now, String lang) {
    if (s.appointmentOnly()) {
      return Messages.text(lang, "screen.appointmentOnly");
    }
    if (s.unserved()) {
      return Messages.text(lang, "screen.unserved");
    }
    if (s.available()) {
      return Messages.text(lang, "screen.availableNow");
    }
    if (s.opensAt() != null) {
      return Messages.text(lang, "screen.opensAt").replace("{t}", when(s.opensAt(), zone, now, lang));
    }
    return Messages.text(lang, "screen.notNow");
  }

  private static String expectedWait(BranchView.ServiceView s) {
    if (s.estimatedWaitSeconds() == null) {
      return "";
    }
    if (s.estimatedWaitRangeSeconds() != null) {
      return s.estimatedWaitRangeSeconds().get(0) / 60 + "–" + s.estimatedWaitRangeSeconds().get(1) / 60 + " min";
    }
    return s.estimatedWaitSeconds() < 60 ? "< 1 min" : Math.round(s.estimatedWaitSeconds() / 60.0) + " min";
  }

  /**
   * The other branches where the service is open at some time still ahead today, by their opening
   * hours: "I dag også: Vestby Bibliotek 10:00–18:00".
   */
  private static LocalizedText elsewhere(String service, QueueConfig config, BranchDef here, Instant now) {
    Map<String, TimeRange> places = new LinkedHashMap<>();
    for (BranchDef b : config.branches()) {
      ZonedDateTime local = now.atZone(b.zone());
      b.service(service).filter(d -> !b.id().equals(here.id()))
          .flatMap(d -> laterToday(d.hours().on(local.toLocalDate()), local.toLocalTime()))
          .ifPresent(hours -> places.put(b.name(), hours));
    }
    if (places.isEmpty()) {
      return null;
    }
    return text(lang -> Messages.text(lang, "screen.elsewhere").replace("{places}", places.entrySet().stream()
        .map(e -> e.getKey() + " " + hours(e.getValue(), lang)).collect(Collectors.joining(", "))));
  }

  /** Today's first opening that has not yet ended. */
  private static Optional<TimeRange> laterToday(List<TimeRange> ranges, LocalTime now) {
    return ranges.stream().filter(r -> r.close().equals(LocalTime.MIDNIGHT) || r.close().isAfter(now)).findFirst();
  }

  private static String hours(TimeRange r, String lang) {
    if (r.open().equals(LocalTime.MIDNIGHT) && r.close().equals(LocalTime.MIDNIGHT)) {
      return Messages.text(lang, "screen.allDay");
    }
    return r.open().format(HH_MM) + "–" + (r.close().equals(LocalTime.MIDNIGHT) ? "24:00" : r.close().format(HH_MM));
  }

  /** "10:00" today, "i morgen 10:00" tomorrow, else "tirsdag 10:00". */
  static String when(OffsetDateTime t, ZoneId zone, Instant now, String lang) {
    Locale locale = Messages.ENGLISH.equals(lang) ? Locale.ENGLISH : Locale.forLanguageTag("da");
    LocalDate day = t.atZoneSameInstant(zone).toLocalDate();
    LocalDate today = now.atZone(zone).toLocalDate();
    String time = t.atZoneSameInstant(zone).format(HH_MM);
    if (day.equals(today)) {
      return time;
    }
    if (day.equals(today.plusDays(1))) {
      return Messages.text(lang, "common.tomorrow") + " " + time;
    }
    return day.getDayOfWeek().getDisplayName(TextStyle.FULL, locale) + " " + time;
  }
}
