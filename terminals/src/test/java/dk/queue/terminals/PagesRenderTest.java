package dk.queue.terminals;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.config.ConfigLoader;
import dk.queue.core.config.QueueConfig;
import dk.queue.core.web.Messages;
import dk.queue.core.web.Pages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The terminal pages render their frame and texts from the demo configuration, Danish first. */
class PagesRenderTest {
  final Pages pages = new Pages();
  final QueueConfig demo = ConfigLoader.demo();

  @Test
  void kioskCarriesBothLanguagesForItsScript() {
    String html = pages.render("kiosk", Map.of("kiosk", demo.kiosk("hovedbiblioteket-kiosk").orElseThrow(),
        "branch", Map.of("id", "hovedbiblioteket", "name", "Hovedbiblioteket", "zone", "Europe/Copenhagen"),
        "settings", Map.of("languages", List.of("da", "en"), "idleSeconds", 20, "printer", false, "bring", Map.of()),
        "texts", Messages.both("kiosk.", "common.")));
    assertThat(html).contains("<html lang=\"da\">").contains("\"idleSeconds\":20").contains("Tag et nummer").contains("Hvad skal du have hjælp til?")
        .contains("data-branch=\"hovedbiblioteket\"")
        .contains("\"kiosk.group.borgerservice\":\"Borgerservice\"")
        .contains("\"kiosk.group.borgerservice\":\"Citizen service\"");
  }

  @Test
  void deskOffersTheConfiguredOutcomes() {
    String html = pages.render("desk", Map.of(
        "branch", Map.of("id", "hovedbiblioteket", "name", "Hovedbiblioteket", "zone", "Europe/Copenhagen"),
        "desk", demo.branch("hovedbiblioteket").orElseThrow().desk("skranke-2").orElseThrow(),
        "outcomes", demo.outcomeDefs(),
        "pauseReasons", List.of(Map.of("code", "lunch", "label", "Frokost")),
        "texts", Messages.all("da", "desk.", "common.")));
    assertThat(html).contains("Skranke 2 · Hovedbiblioteket").contains("Kald næste").contains("<kbd>N</kbd>")
        .contains("<option value=\"referred\">Henvist videre</option>")
        .contains("<option value=\"lunch\">Frokost</option>").contains("Log ind");
  }

  @Test
  void startPageSaysHowToBeginAndTheDemoSignInOnlyInTheDemo() {
    String demoPage = pages.render("index", Map.of("branches", List.of(), "demo", true));
    String otherPage = pages.render("index", Map.of("branches", List.of(), "demo", false));
    assertThat(demoPage).contains("Log ind ved en skranke").contains("brugernavn demo, PIN-kode 0000");
    assertThat(otherPage).contains("Log ind ved en skranke").contains("åbn skranken").doesNotContain("0000");
  }

  @Test
  void textsInScriptsCannotCloseTheScriptElement() {
    String html = pages.render("phone", Map.of("ticket", "x-1",
        "branch", Map.of("id", "x", "name", "</script><b>", "zone", "Europe/Copenhagen"),
        "texts", Map.of("k", "</script><script>alert(1)</script>")));
    assertThat(html).doesNotContain("</script><script>alert(1)").doesNotContain("<b>");
  }

  @Test
  void everyDanishTextHasAnEnglishOne() {
    assertThat(Messages.all("en", "").keySet()).isEqualTo(Messages.all("da", "").keySet());
  }
}
