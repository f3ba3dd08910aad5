package dk.queue.core.config;

import static dk.queue.core.config.SampleConfig.FILE;
import static dk.queue.core.config.SampleConfig.afterLine;
import static dk.queue.core.config.SampleConfig.refused;
import static dk.queue.core.config.SampleConfig.withLine;
import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.LocalizedText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Screens, counter displays and the branches' looks, as the configuration describes them. */
class ScreenConfigTest {

  @Test
  void screenDefaultsToAllServicesAndDesksWithItsLanguagesAlongside() {
    ScreenDef s = ConfigLoader.parse(SampleConfig.VALID, FILE).screen("s1").orElseThrow();
    assertThat(s.layout()).isEqualTo("landscape");
    assertThat(s.languages()).containsExactly("da", "en");
    assertThat(s.languageMode()).isEqualTo("alongside");
    assertThat(s.sound()).isTrue();
    assertThat(s.announce()).containsExactly("da");
    assertThat(s.services()).isEmpty();
    assertThat(s.desks()).isEmpty();
  }

  @Test
  void screenNamesItsServicesDesksAndLanguages() {
    QueueConfig c = ConfigLoader.parse(withLine(27, "  - {id: s1, branch: main, services: [laan], desks: [d1],"
        + " languageMode: alternate, announce: [da, en], sound: false}"), FILE);
    ScreenDef s = c.screen("s1").orElseThrow();
    assertThat(s.services()).containsExactly("laan");
    assertThat(s.desks()).containsExactly("d1");
    assertThat(s.languageMode()).isEqualTo("alternate");
    assertThat(s.announce()).containsExactly("da", "en");
    assertThat(s.sound()).isFalse();
  }

  @Test
  void counterDisplayBelongsToOneDeskAndIsSilentByDefault() {
    ScreenDef s = ConfigLoader.parse(withLine(27, "  - {id: s1, branch: main, layout: counter, desk: d1}"), FILE)
        .screen("s1").orElseThrow();
    assertThat(s.counter()).isTrue();
    assertThat(s.desks()).containsExactly("d1");
    assertThat(s.sound()).isFalse();
  }

  @Test
  void counterDisplayMustNameAKnownDesk() {
    refused(withLine(27, "  - {id: s1, branch: main, layout: counter}"), 27, 5, "screens[0]",
        "a counter display names its desk");
    refused(withLine(27, "  - {id: s1, branch: main, layout: counter, desk: d9}"), 27, 51, "screens[0].desk",
        "d9");
    refused(withLine(27, "  - {id: s1, branch: main, services: [pass]}"), 27, 39, "screens[0].services[0]",
        "pass");
    refused(withLine(27, "  - {id: s1, branch: main, languageMode: mixed}"), 27, 42, "screens[0].languageMode",
        "use alongside or alternate");
  }

  @Test
  void branchLookGivesLogoColoursAndSlides() {
    QueueConfig c = ConfigLoader.parse(afterLine(30, String.join("\n",
        "signage:",
        "  - branch: main",
        "    logo: /assets/logo.svg",
        "    colours: {background: \"#10302a\", accent: \"#ffcf5c\"}",
        "    slides:",
        "      - {title: {da: Højtlæsning, en: Story time}, text: {da: Onsdag kl. 10, en: Wednesdays at 10}}",
        "      - text: Strikkecafé")), FILE);
    Look look = c.look("main");
    assertThat(look.logo()).isEqualTo("/assets/logo.svg");
    assertThat(look.background()).isEqualTo("#10302a");
    assertThat(look.accent()).isEqualTo("#ffcf5c");
    assertThat(look.text()).isEqualTo(Look.DEFAULT.text());
    assertThat(look.slides()).containsExactly(
        new Look.Slide(new LocalizedText("Højtlæsning", "Story time"), new LocalizedText("Onsdag kl. 10", "Wednesdays at 10")),
        new Look.Slide(null, new LocalizedText("Strikkecafé", null)));
    assertThat(c.look("elsewhere")).isEqualTo(Look.DEFAULT);
  }

  @Test
  void coloursThatDoNotReadOnTheBackgroundAreRefused() {
    // #777777 on white is 4.48:1, just short of AA.
    refused(afterLine(30, "signage:\n  - branch: main\n    colours: {background: \"#ffffff\", text: \"#777777\"}"),
        33, 44, "signage[0].colours.text", "has contrast 4.48:1; WCAG 2.2 AA needs at least 4.5:1");
    // The default text colour, white, on a light background.
    refused(afterLine(30, "signage:\n  - branch: main\n    colours: {background: \"#f6f5f0\"}"),
        33, 27, "signage[0].colours.background", "text #ffffff on background #f6f5f0");
    refused(afterLine(30, "signage:\n  - branch: main\n    colours: {accent: yellow}"),
        33, 23, "signage[0].colours.accent", "'yellow' is not a colour");
    refused(afterLine(30, "signage:\n  - branch: hq"), 32, 13, "signage[0].branch", "hq");
  }

  @Test
  void contrastIsComputedAsWcagDefinesIt() {
    assertThat(Contrast.ratio("#000000", "#ffffff")).isEqualTo(21.0);
    assertThat(Contrast.ratio("#ffffff", "#ffffff")).isEqualTo(1.0);
    assertThat(Contrast.ratio("#777777", "#ffffff")).isBetween(4.47, 4.49);
    assertThat(Contrast.ratio("#0d1b2a", "#ffd23f")).isBetween(12.0, 13.5);
  }

  @Test
  void demoHasACounterDisplayOverEveryDeskOfTheMainLibraryAndReadableLooks() {
    QueueConfig demo = ConfigLoader.demo();
    List<String> counted = demo.screens().stream().filter(s -> s.branch().equals("hovedbiblioteket") && s.counter())
        .flatMap(s -> s.desks().stream()).toList();
    assertThat(counted).containsExactlyInAnyOrder("skranke-1", "skranke-2", "skranke-3", "skranke-4", "skranke-5");
    for (String branch : List.of("hovedbiblioteket", "filial-vest", "filial-nord")) {
      Look look = demo.look(branch);
      assertThat(look.slides()).as(branch).isNotEmpty();
      assertThat(Contrast.ratio(look.text(), look.background())).as(branch).isGreaterThanOrEqualTo(Contrast.AA);
    }
  }
}
