package dk.queue.signage;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.config.Look;
import dk.queue.core.config.OutcomeDef;
import dk.queue.core.config.QueueConfig;
import dk.queue.core.config.ScreenDef;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.BranchMachine;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Channel;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Decision;
import dk.queue.core.domain.DeskDef;
import dk.queue.core.domain.Event;
import dk.queue.core.domain.Recorded;
import dk.queue.core.domain.LocalizedText;
import dk.queue.core.domain.OpeningHours;
import dk.queue.core.domain.ServiceDef;
import dk.queue.core.domain.TimeRange;
import dk.queue.core.engine.Update;
import dk.queue.core.views.BranchViews;
import dk.queue.core.web.Pages;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The screen templates render a known branch state: calls, services, times, languages, layouts. */
class ScreenRenderTest {
  static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  static final Instant NOON = LocalDate.of(2026, 11, 25).atTime(12, 0).atZone(CPH).toInstant();
  final Pages pages = new Pages();

  static BranchState branch() {
    EnumMap<DayOfWeek, List<TimeRange>> morning = new EnumMap<>(DayOfWeek.class);
    morning.put(DayOfWeek.THURSDAY, List.of(new TimeRange(LocalTime.of(9, 30), LocalTime.of(11, 0))));
    BranchDef def = new BranchDef("main", "Hovedbiblioteket", CPH, List.of(
        new ServiceDef("pas", new LocalizedText("Pas", "Passport"), "P", "borgerservice", 600, 300, OpeningHours.always(), false),
        new ServiceDef("lib", new LocalizedText("Lån", "Loans"), "L", "bibliotek", 600, 300, OpeningHours.always(), false),
        new ServiceDef("pen", new LocalizedText("Pension", "Pension"), "N", "borgerservice", 600, 300, new OpeningHours(morning), false),
        new ServiceDef("wed", new LocalizedText("Vielse", "Wedding"), "V", "borgerservice", 600, 300, OpeningHours.always(), true)),
        List.of(new DeskDef("d1", "Skranke 1"), new DeskDef("d2", "Skranke 2")));
    BranchState s = BranchState.initial(def, LocalDate.of(2026, 11, 25));
    Set<String> all = Set.of("pas", "lib", "pen", "wed");
    s = run(s, new Command.OpenDesk(NOON, "d1", "anna", all, List.of("pas", "lib")));
    s = run(s, new Command.OpenDesk(NOON, "d2", "bo", all, List.of("lib")));
    for (int i = 1; i <= 3; i++) {
      s = run(s, new Command.IssueTicket(NOON, "main-p" + i, "pas", Channel.KIOSK, "da"));
      s = run(s, new Command.IssueTicket(NOON, "main-l" + i, "lib", Channel.KIOSK, "da"));
    }
    s = run(s, new Command.CallNext(NOON, "d2", "bo"));
    s = run(s, new Command.CallNext(NOON.plusSeconds(60), "d1", "anna"));
    return s;
  }

  /** A second branch offering loans and passports, so that a screen can say where else they are offered today. */
  static BranchDef vest() {
    EnumMap<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
    week.put(DayOfWeek.WEDNESDAY, List.of(new TimeRange(LocalTime.of(10, 0), LocalTime.of(18, 0))));
    return new BranchDef("vest", "Vestby Bibliotek", CPH, List.of(
        new ServiceDef("pen", new LocalizedText("Pension", "Pension"), "N", "borgerservice", 600, 300, new OpeningHours(week), false)),
        List.of(new DeskDef("d1", "Skranke")));
  }

  static QueueConfig config(ScreenDef screen, Map<String, Look> looks) {
    return new QueueConfig("test", List.of(branch().def(), vest()), Map.of(), List.of(screen), List.of(),
        List.of(new OutcomeDef("served", new LocalizedText("served", null))), QueueConfig.DEFAULT_STAFF_SESSION, looks,
        QueueConfig.DEFAULT_RETENTION_DAYS);
  }

  static BranchState run(BranchState s, Command c) {
    return ((Decision.Accepted) BranchMachine.decide(s, c)).state();
  }

  ScreenModel model(String layout, List<String> languages) {
    return model(new ScreenDef("s1", "main", "Venteområde", layout, languages, true));
  }

  static ScreenModel model(ScreenDef screen) {
    return model(screen, branch());
  }

  static ScreenModel model(ScreenDef screen, BranchState state) {
    return ScreenModel.of(config(screen, Map.of()), screen, BranchViews.publicView(state, NOON.plusSeconds(90)), NOON.plusSeconds(90));
  }

  @Test
  void newestCallIsLargeAndEarlierCallsFollow() {
    String html = pages.render("screen", model("landscape", List.of("da")));
    assertThat(html).contains("<div class=\"call latest\" data-number=\"P001\">")
        .containsPattern("class=\"number\">P001</span><span class=\"desk\">.*?</span>Skranke 1</span>")
        .contains("<li class=\"call\"><span class=\"number\">L001</span>")
        .contains("Seneste kald").contains("Hovedbiblioteket")
        .doesNotContain("Latest calls");
  }

  @Test
  void servicesSayWhatIsAvailableNowAndWhenTheOthersOpen() {
    String html = pages.render("screen-region", model("landscape", List.of("da")));
    assertThat(html).containsPattern("data-service=\"pas\">[\\s\\S]*?<td class=\"num waiting\">2</td><td class=\"num wait\">\\d+(–\\d+)? min</td>")
        .containsPattern("data-service=\"pen\">[\\s\\S]*?Åbner i morgen 09:30")
        .containsPattern("data-service=\"wed\">[\\s\\S]*?Kun efter aftale")
        .contains("class=\"service unavailable\" data-service=\"pen\"").contains("Åben nu")
        .contains("class=\"service available\" data-service=\"lib\"");
  }

  @Test
  void englishStandsBesideDanishWhenTheScreenSpeaksIt() {
    String html = pages.render("screen", model("landscape", List.of("da", "en")));
    assertThat(html).contains("Latest calls").contains("Passport").contains("Open now").contains("Opens tomorrow 09:30")
        .contains("By appointment only");
  }

  @Test
  void portraitLayoutIsMarkedForItsStyle() {
    String html = pages.render("screen", model("portrait", List.of("da")));
    assertThat(html).contains("<body class=\"screen portrait\"");
  }

  @Test
  void unavailableServiceSaysWhereElseItIsOfferedToday() {
    String html = pages.render("screen-region", model("landscape", List.of("da", "en")));
    assertThat(html).containsPattern("data-service=\"pen\">[\\s\\S]*?I dag også: Vestby Bibliotek 10:00–18:00")
        .contains("Also today: Vestby Bibliotek 10:00–18:00");
    assertThat(html.substring(html.indexOf("data-service=\"pas\""), html.indexOf("data-service=\"lib\"")))
        .doesNotContain("I dag også");
  }

  @Test
  void counterDisplayShowsItsDeskAndItsTicketOrItsState() {
    ScreenDef counter = new ScreenDef("c1", "main", "Over skranke 1", "counter", List.of("da", "en"), "alongside",
        false, List.of("da"), List.of(), List.of("d1"));
    String html = pages.render("screen", model(counter));
    assertThat(html).contains("<body class=\"screen counter\"")
        .contains("class=\"counter-desk\">Skranke 1</div>")
        .contains("<div class=\"counter-number\" data-number=\"P001\">P001</div>")
        .contains("data-state=\"calling\"")
        .doesNotContain("L001").doesNotContain("Seneste kald");

    BranchState closed = BranchState.initial(branch().def(), LocalDate.of(2026, 11, 25));
    assertThat(pages.render("counter-region", model(counter, closed)))
        .contains("data-state=\"closed\"").contains("Lukket").contains("Closed").doesNotContain("counter-number");
    BranchState open = run(closed, new Command.OpenDesk(NOON, "d1", "anna", Set.of("pas"), List.of("pas")));
    assertThat(pages.render("counter-region", model(counter, open))).contains("data-state=\"open\"").contains("Åben");
    BranchState paused = run(open, new Command.PauseDesk(NOON, "d1", "anna", null));
    assertThat(pages.render("counter-region", model(counter, paused))).contains("data-state=\"paused\"").contains("Pause");
  }

  @Test
  void callsAreAnnouncedInTheScreensLanguagesWithTheNumberAsSpoken() {
    BranchState s = branch();
    Update update = new Update("main", s.seq(),
        new Recorded("main", s.seq(), NOON, new Event.TicketCalled("main-p1", "d1", "P001", "pas")), s);
    ScreenDef both = new ScreenDef("s1", "main", "x", "landscape", List.of("da", "en"), "alongside", true,
        List.of("da", "en"), List.of(), List.of());
    assertThat(SignageModule.call(update, both)).hasValueSatisfying(a -> {
      assertThat(a.number()).isEqualTo("P001");
      assertThat(a.announce()).containsExactly(new SignageModule.Spoken("da-DK", "Nummer P 1, Skranke 1"),
          new SignageModule.Spoken("en-GB", "Number P 1, Skranke 1"));
    });
    ScreenDef otherDesk = new ScreenDef("s1", "main", "x", "landscape", List.of("da"), "alongside", true,
        List.of("da"), List.of(), List.of("d2"));
    assertThat(SignageModule.call(update, otherDesk)).isEmpty();
    Update issued = new Update("main", s.seq(), new Recorded("main", s.seq(), NOON,
        new Event.TicketIssued("main-p9", "pas", "P009", Channel.KIOSK, "da")), s);
    assertThat(SignageModule.call(issued, both)).isEmpty();
  }

  @Test
  void theAnnouncementIsTheEventsCallNotTheNewestInTheBranch() {
    BranchState s = branch();
    String newest = s.recentCalls().get(0).number();
    Update earlier = new Update("main", s.seq(), new Recorded("main", s.seq(), NOON,
        new Event.TicketRecalled("main-x", "d2", "L007", "lib")), s);
    ScreenDef all = new ScreenDef("s1", "main", "x", "landscape", List.of("da"), "alongside", true,
        List.of("da"), List.of(), List.of());
    assertThat(newest).isNotEqualTo("L007");
    assertThat(SignageModule.call(earlier, all)).hasValueSatisfying(a -> {
      assertThat(a.number()).isEqualTo("L007");
      assertThat(a.deskName()).isEqualTo("Skranke 2");
    });
    // A snapshot (after a gap) says nothing aloud, whatever calls it holds.
    assertThat(SignageModule.call(new Update("main", s.seq(), null, s), all)).isEmpty();
  }

  @Test
  void screenShowsOnlyItsDesksAndServices() {
    ScreenDef lib = new ScreenDef("s2", "main", "Biblioteket", "landscape", List.of("da"), "alongside", true,
        List.of("da"), List.of("lib"), List.of("d2"));
    String html = pages.render("screen-region", model(lib));
    assertThat(html).contains("data-number=\"L001\"").doesNotContain("P001")
        .contains("data-service=\"lib\"").doesNotContain("data-service=\"pas\"");
  }

  @Test
  void brandingAndSlidesComeFromTheBranchLook() {
    ScreenDef screen = new ScreenDef("s1", "main", "Venteområde", "landscape", List.of("da", "en"), "alternate", true,
        List.of("da"), List.of(), List.of());
    Look look = new Look("/logo.svg", "#10302a", "#ffffff", "#cde3dc", "#ffcf5c", List.of(
        new Look.Slide(new LocalizedText("Højtlæsning", "Story time"), new LocalizedText("Onsdag kl. 10", "Wednesdays at 10"))));
    ScreenModel m = ScreenModel.of(config(screen, Map.of("main", look)), screen,
        BranchViews.publicView(branch(), NOON), NOON);
    String html = pages.render("screen", m);
    assertThat(html).contains("data-bg=\"#10302a\" data-fg=\"#ffffff\" data-muted=\"#cde3dc\"")
        .contains("<img class=\"logo\" src=\"/logo.svg\"")
        .contains("class=\"screen landscape alternate\"")
        .contains("<span class=\"da\">Højtlæsning</span><span class=\"en\" lang=\"en\">Story time</span>")
        .contains("Onsdag kl. 10");
  }

  @Test
  void screenWithoutCallsSaysSo() {
    BranchState empty = BranchState.initial(branch().def(), LocalDate.of(2026, 11, 25));
    ScreenModel m = model(new ScreenDef("s1", "main", "x", "landscape", List.of("da"), false), empty);
    assertThat(pages.render("screen-region", m)).contains("Ingen kald endnu").doesNotContain("call latest");
  }

  @Test
  void pageAndLiveRegionComeFromTheSameTemplate() {
    ScreenModel m = model("landscape", List.of("da", "en"));
    assertThat(pages.render("screen", m)).contains(pages.render("screen-region", m).trim());
  }
}
