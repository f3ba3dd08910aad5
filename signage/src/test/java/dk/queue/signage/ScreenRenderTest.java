package dk.queue.signage;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.config.ScreenDef;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.BranchMachine;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Channel;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Decision;
import dk.queue.core.domain.DeskDef;
import dk.queue.core.domain.LocalizedText;
import dk.queue.core.domain.OpeningHours;
import dk.queue.core.domain.ServiceDef;
import dk.queue.core.domain.TimeRange;
import dk.queue.core.domain.Views;
import dk.queue.core.web.Pages;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
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

  static BranchState run(BranchState s, Command c) {
    return ((Decision.Accepted) BranchMachine.decide(s, c)).state();
  }

  ScreenModel model(String layout, List<String> languages) {
    ScreenDef screen = new ScreenDef("s1", "main", "Venteområde", layout, languages, true);
    return ScreenModel.of(screen, Views.snapshot(branch(), NOON.plusSeconds(90)), CPH, NOON.plusSeconds(90));
  }

  @Test
  void newestCallIsLargeAndEarlierCallsFollow() {
    String html = pages.render("screen", model("landscape", List.of("da")));
    assertThat(html).contains("<div class=\"call latest\" data-number=\"P001\">")
        .containsPattern("class=\"number\">P001</span>.*?class=\"desk\">Skranke 1</span>")
        .contains("<li class=\"call\"><span class=\"number\">L001</span>")
        .contains("Seneste kald").contains("Hovedbiblioteket")
        .doesNotContain("Latest calls");
  }

  @Test
  void servicesSayWhatIsAvailableNowAndWhenTheOthersOpen() {
    String html = pages.render("screen-region", model("landscape", List.of("da")));
    assertThat(html).containsPattern("data-service=\"pas\">[\\s\\S]*?Åben nu[\\s\\S]*?2 venter")
        .containsPattern("data-service=\"pen\">[\\s\\S]*?Åbner i morgen 09:30")
        .containsPattern("data-service=\"wed\">[\\s\\S]*?Kun efter aftale")
        .contains("class=\"service unavailable\" data-service=\"pen\"")
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
  void screenWithoutCallsSaysSo() {
    BranchState empty = BranchState.initial(branch().def(), LocalDate.of(2026, 11, 25));
    ScreenModel m = ScreenModel.of(new ScreenDef("s1", "main", "x", "landscape", List.of("da"), false),
        Views.snapshot(empty, NOON), CPH, NOON);
    assertThat(pages.render("screen-region", m)).contains("Ingen kald endnu").doesNotContain("call latest");
  }

  @Test
  void pageAndLiveRegionComeFromTheSameTemplate() {
    ScreenModel m = model("landscape", List.of("da", "en"));
    assertThat(pages.render("screen", m)).contains(pages.render("screen-region", m).trim());
  }
}
