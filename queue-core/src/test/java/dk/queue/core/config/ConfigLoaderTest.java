package dk.queue.core.config;

import static dk.queue.core.config.SampleConfig.FILE;
import static dk.queue.core.config.SampleConfig.HASH;
import static dk.queue.core.config.SampleConfig.VALID;
import static dk.queue.core.config.SampleConfig.withLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.ServiceDef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a valid file turns into: the format's short forms, defaults and adjustments. */
class ConfigLoaderTest {
  static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  /** A Saturday. */
  static final ZonedDateTime SATURDAY = ZonedDateTime.of(2026, 11, 28, 0, 0, 0, 0, CPH);

  @Test
  void aValidFileGivesTheOrganisation() {
    QueueConfig c = ConfigLoader.parse(VALID, FILE);
    assertThat(c.source()).isEqualTo(FILE);
    BranchDef main = c.branch("main").orElseThrow();
    assertThat(main.name()).isEqualTo("Hovedbiblioteket");
    assertThat(main.zone()).isEqualTo(CPH);
    assertThat(main.services()).extracting(ServiceDef::id).containsExactly("pas", "laan");
    assertThat(main.desk("d1").orElseThrow().name()).isEqualTo("Skranke 1");

    ServiceDef pas = main.service("pas").orElseThrow();
    assertThat(pas.name().en()).isEqualTo("Passport");
    assertThat(pas.letter()).isEqualTo("P");
    assertThat(pas.group()).isEqualTo("borgerservice");
    assertThat(pas.targetWaitSeconds()).isEqualTo(15 * 60);
    assertThat(pas.serviceSeconds()).isEqualTo(5 * 60);
    assertThat(pas.appointmentOnly()).isFalse();

    ServiceDef laan = main.service("laan").orElseThrow();
    assertThat(laan.name().da()).isEqualTo("Lån");
    assertThat(laan.name().en()).as("one name serves both languages").isEqualTo("Lån");
    assertThat(laan.targetWaitSeconds()).isEqualTo(10 * 60);

    assertThat(c.staff().get("demo").pinMatches("0000")).isTrue();
    assertThat(c.staff().get("demo").skills()).containsExactly("pas");
    assertThat(c.outcomes()).containsExactly("served", "referred");
  }

  @Test
  void aServiceWithoutHoursOfItsOwnKeepsTheBranchHours() {
    BranchDef main = ConfigLoader.parse(VALID, FILE).branch("main").orElseThrow();
    ServiceDef pas = main.service("pas").orElseThrow();
    assertThat(pas.hours().isOpen(SATURDAY.minusDays(1).withHour(9))).isTrue();
    assertThat(pas.hours().isOpen(SATURDAY.minusDays(1).withHour(17))).isFalse();
    assertThat(pas.hours().isOpen(SATURDAY.withHour(11))).isFalse();
    ServiceDef laan = main.service("laan").orElseThrow();
    assertThat(laan.hours().isOpen(SATURDAY.withHour(11))).isTrue();
    assertThat(laan.hours().isOpen(SATURDAY.withHour(12).withMinute(30))).as("lunch").isFalse();
    assertThat(laan.hours().isOpen(SATURDAY.withHour(23).withMinute(59))).as("until midnight").isTrue();
    assertThat(laan.hours().isOpen(SATURDAY.plusDays(1).withHour(12))).as("sunday").isFalse();
  }

  @Test
  void devicesAndOutcomesHaveDefaults() {
    QueueConfig c = ConfigLoader.parse(withLine(30, ""), FILE);
    ScreenDef screen = c.screen("s1").orElseThrow();
    assertThat(screen.name()).isEqualTo("s1");
    assertThat(screen.layout()).isEqualTo("landscape");
    assertThat(screen.languages()).containsExactly("da", "en");
    assertThat(screen.sound()).isTrue();
    assertThat(c.kiosk("k1").orElseThrow().languages()).containsExactly("da", "en");
    assertThat(c.outcomes()).containsExactly("served");
  }

  @Test
  void aBranchMayAdjustAServiceForItself() {
    String yaml = withLine(18, String.join("\n",
        "        letter: LA",
        "        targetWaitMinutes: 5",
        "        serviceMinutes: 2",
        "        appointmentOnly: yes",
        "        hours: always"));
    ServiceDef laan = ConfigLoader.parse(yaml, FILE).branch("main").orElseThrow().service("laan").orElseThrow();
    assertThat(laan.letter()).isEqualTo("LA");
    assertThat(laan.targetWaitSeconds()).isEqualTo(5 * 60);
    assertThat(laan.serviceSeconds()).isEqualTo(2 * 60);
    assertThat(laan.appointmentOnly()).isTrue();
    assertThat(laan.hours().isOpen(SATURDAY.plusDays(1).withHour(3))).isTrue();
  }

  @Test
  void anchoredHoursCanBeSharedBetweenServices() {
    String yaml = VALID
        .replace("    hours: {mon-fri: \"09:00-17:00\"}\n", "")
        .replace("      - pas\n", "      - id: pas\n        hours: &weekdays {mon-thu: \"08:00-12:00\"}\n")
        .replace("        hours: {mon-fri: \"09:00-17:00\", sat: \"10:00-12:00, 13:00-24:00\"}",
            "        hours: *weekdays");
    BranchDef main = ConfigLoader.parse(yaml, FILE).branch("main").orElseThrow();
    ZonedDateTime thursday = SATURDAY.minusDays(2).withHour(9);
    for (String service : new String[] {"pas", "laan"}) {
      ServiceDef s = main.service(service).orElseThrow();
      assertThat(s.hours().isOpen(thursday)).as(service).isTrue();
      assertThat(s.hours().isOpen(thursday.plusDays(1))).as(service).isFalse();
    }
  }

  @Test
  void otherBcryptPrefixesAreAcceptedAndStoredAsJbcryptReadsThem() {
    String yaml = withLine(24, "    pinHash: \"$2y$" + HASH.substring(4) + "\"");
    StaffMember demo = ConfigLoader.parse(yaml, FILE).staff().get("demo");
    assertThat(demo.pinHash()).isEqualTo(HASH);
    assertThat(demo.pinMatches("0000")).isTrue();
  }

  @Test
  void loadReadsAFileAndNamesItInMessages(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("organisation.yaml");
    Files.writeString(good, VALID);
    assertThat(ConfigLoader.load(good).source()).isEqualTo(good.toString());

    Path bad = dir.resolve("broken.yaml");
    Files.writeString(bad, withLine(4, "    letter: 7"));
    assertThatThrownBy(() -> ConfigLoader.load(bad))
        .isInstanceOf(ConfigException.class)
        .hasMessage(bad + ":4:13: services[0].letter: '7' is not a ticket letter: use one or two capital letters A-Z");
  }

  @Test
  void aMissingFileIsAConfigurationError(@TempDir Path dir) {
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> ConfigLoader.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage(missing + ": no such file");
  }
}
