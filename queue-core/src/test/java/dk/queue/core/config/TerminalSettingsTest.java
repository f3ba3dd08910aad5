package dk.queue.core.config;

import static dk.queue.core.config.SampleConfig.FILE;
import static dk.queue.core.config.SampleConfig.afterLine;
import static dk.queue.core.config.SampleConfig.withLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The settings kiosks and desks read: printers, limits, idle time, what to bring, outcome names, sessions. */
class TerminalSettingsTest {

  @Test
  void aKioskMayHaveAPrinterALimitAndAnIdleTime() {
    QueueConfig c = ConfigLoader.parse(withLine(29,
        "  - {id: k1, branch: main, printer: \"10.0.4.20:9101\", maxTicketsPerMinute: 4, idleSeconds: 30}\n"
            + "  - {id: k2, branch: main, printer: bonprinter.local}"), FILE);
    KioskDef k1 = c.kiosk("k1").orElseThrow();
    assertThat(k1.printer()).isEqualTo(new KioskDef.Printer("10.0.4.20", 9101));
    assertThat(k1.maxTicketsPerMinute()).isEqualTo(4);
    assertThat(k1.idleSeconds()).isEqualTo(30);
    assertThat(c.kiosk("k2").orElseThrow().printer()).isEqualTo(new KioskDef.Printer("bonprinter.local", 9100));
  }

  @Test
  void kioskDefaultsAreNoPrinterTenTicketsAMinuteAndTwentySeconds() {
    KioskDef k1 = ConfigLoader.parse(SampleConfig.VALID, FILE).kiosk("k1").orElseThrow();
    assertThat(k1.printer()).isNull();
    assertThat(k1.maxTicketsPerMinute()).isEqualTo(10);
    assertThat(k1.idleSeconds()).isEqualTo(20);
  }

  @Test
  void aBadPrinterAddressOrLimitIsNamedWithItsLine() {
    refused(withLine(29, "  - {id: k1, branch: main, printer: \"10.0.4.20:printer\"}"), 29, "is not a printer address");
    refused(withLine(29, "  - {id: k1, branch: main, maxTicketsPerMinute: 0}"), 29, "maxTicketsPerMinute");
    refused(withLine(29, "  - {id: k1, branch: main, idleSeconds: 1}"), 29, "idleSeconds");
  }

  @Test
  void aServiceSaysWhatToBringInBothLanguages() {
    QueueConfig c = ConfigLoader.parse(afterLine(5, "    bring: {da: Gammelt pas, en: Your old passport}"), FILE);
    assertThat(c.branch("main").orElseThrow().service("pas").orElseThrow().bring().in("en")).isEqualTo("Your old passport");
    assertThat(c.branch("main").orElseThrow().service("laan").orElseThrow().bring()).isNull();
  }

  @Test
  void outcomesMayHaveNamesAndStayCodesForTheApi() {
    QueueConfig c = ConfigLoader.parse(withLine(30,
        "outcomes:\n  - {id: served, name: {da: Ekspederet, en: Served}}\n  - referred"), FILE);
    assertThat(c.outcomes()).containsExactly("served", "referred");
    assertThat(c.outcomeDefs().get(0).name().da()).isEqualTo("Ekspederet");
    assertThat(c.outcomeDefs().get(1).name().da()).isEqualTo("referred");
  }

  @Test
  void theStaffSessionTimeIsConfigurable() {
    assertThat(ConfigLoader.parse(SampleConfig.VALID, FILE).staffSession()).isEqualTo(Duration.ofHours(10));
    assertThat(ConfigLoader.parse(SampleConfig.VALID + "staffSessionMinutes: 45\n", FILE).staffSession())
        .isEqualTo(Duration.ofMinutes(45));
    refused(SampleConfig.VALID + "staffSessionMinutes: 2\n", 31, "staffSessionMinutes");
    QueueConfig short45 = ConfigLoader.parse(SampleConfig.VALID + "staffSessionMinutes: 45\n", FILE);
    assertThat(dk.queue.core.node.NodeOptions.defaults(short45, java.nio.file.Path.of("data")).sessionTtl())
        .as("the node's sign-ins last what the file says").isEqualTo(Duration.ofMinutes(45));
  }

  @Test
  void desksLeftSignedOutCloseAfterTheConfiguredTime() {
    assertThat(ConfigLoader.parse(SampleConfig.VALID, FILE).signedOutClose()).isEqualTo(Duration.ofMinutes(10));
    assertThat(ConfigLoader.parse(SampleConfig.VALID + "signedOutCloseMinutes: 3\n", FILE).signedOutClose())
        .isEqualTo(Duration.ofMinutes(3));
    refused(SampleConfig.VALID + "signedOutCloseMinutes: 0\n", 31, "signedOutCloseMinutes");
  }

  @Test
  void supervisorsNameTheBranchesTheySupervise() {
    String supervises = "    skills: [pas]\n    supervises: ";
    assertThat(ConfigLoader.parse(SampleConfig.VALID.replace("    skills: [pas]\n", supervises + "[main]\n"), FILE)
        .staff().get("demo").supervises("main")).isTrue();
    assertThat(ConfigLoader.parse(SampleConfig.VALID, FILE).staff().get("demo").supervises("main")).isFalse();
    refused(SampleConfig.VALID.replace("    skills: [pas]\n", supervises + "[mian]\n"), 26, "unknown branch 'mian'");
  }

  /** Refused with one problem on {@code line}, whose message mentions {@code text}. */
  private static void refused(String yaml, int line, String text) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, FILE));
    assertThat(e).as("refused").isNotNull();
    assertThat(e.problems()).as(e.getMessage()).hasSize(1);
    assertThat(e.problems().get(0).line()).as(e.getMessage()).isEqualTo(line);
    assertThat(e.getMessage()).contains(text);
  }
}
