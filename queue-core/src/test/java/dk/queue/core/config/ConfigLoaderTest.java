package dk.queue.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.ServiceDef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  /** A small valid file; tests break one line of it at a time. */
  static final String VALID = String.join("\n",
      "services:",                                              // 1
      "  - id: pas",                                            // 2
      "    name: {da: Pas, en: Passport}",                      // 3
      "    letter: P",                                          // 4
      "    group: borgerservice",                               // 5
      "  - id: laan",                                           // 6
      "    name: {da: Lån}",                                    // 7
      "    letter: L",                                          // 8
      "    group: bibliotek",                                   // 9
      "branches:",                                              // 10
      "  - id: main",                                           // 11
      "    name: Hovedbiblioteket",                             // 12
      "    services:",                                          // 13
      "      - {id: pas, hours: always}",                       // 14
      "      - id: laan",                                       // 15
      "        hours: {mon-fri: \"09:00-17:00\", sat: \"10:00-12:00, 13:00-24:00\"}", // 16
      "    desks:",                                             // 17
      "      - {id: d1, name: Skranke 1}",                      // 18
      "staff:",                                                 // 19
      "  - user: demo",                                         // 20
      "    name: Demo",                                         // 21
      "    pinHash: \"$2a$10$hOqUlN6RJrYGGZop19.hkeNGdX.Qsh7VP8lbOCzeiZOy2CJgl7j7y\"", // 22
      "    skills: [pas]",                                      // 23
      "screens:",                                               // 24
      "  - {id: s1, branch: main}",                             // 25
      "kiosks:",                                                // 26
      "  - {id: k1, branch: main}",                             // 27
      "");

  static String replaceLine(int line, String text) {
    String[] lines = VALID.split("\n", -1);
    lines[line - 1] = text;
    return String.join("\n", lines);
  }

  static void broken(String yaml, String... expected) {
    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "org.yaml"))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(e.getMessage()).startsWith("org.yaml:").contains(expected));
  }

  @Test
  void validFileGivesTheOrganisation() {
    QueueConfig c = ConfigLoader.parse(VALID, "org.yaml");
    BranchDef main = c.branch("main").orElseThrow();
    assertThat(main.zone()).isEqualTo(ZoneId.of("Europe/Copenhagen"));
    ServiceDef laan = main.service("laan").orElseThrow();
    assertThat(laan.name().en()).isEqualTo("Lån");
    assertThat(laan.targetWaitSeconds()).isEqualTo(15 * 60);
    ZonedDateTime saturday = ZonedDateTime.of(2026, 11, 28, 12, 30, 0, 0, main.zone());
    assertThat(laan.hours().isOpen(saturday)).isFalse();
    assertThat(laan.hours().isOpen(saturday.withHour(23))).isTrue();
    assertThat(laan.hours().isOpen(saturday.plusDays(1))).isFalse();
    assertThat(c.staff().get("demo").pinMatches("0000")).isTrue();
    assertThat(c.screen("s1").orElseThrow().languages()).containsExactly("da", "en");
    assertThat(c.outcomes()).containsExactly("served");
  }

  @Test
  void demoHasTwoBranchesOneOpenAroundTheClockAndTheDemoUser() {
    QueueConfig demo = ConfigLoader.demo();
    assertThat(demo.branches()).hasSizeGreaterThanOrEqualTo(2);
    BranchDef main = demo.branch("hovedbiblioteket").orElseThrow();
    assertThat(main.desks()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(main.services()).extracting(ServiceDef::group).contains("borgerservice", "bibliotek", "digital");
    ZonedDateTime sundayNight = ZonedDateTime.of(2026, 11, 29, 3, 0, 0, 0, main.zone());
    assertThat(main.service("pas").orElseThrow().hours().isOpen(sundayNight)).isTrue();
    assertThat(main.service("pension").orElseThrow().hours().isOpen(sundayNight)).isFalse();
    assertThat(main.services()).anyMatch(ServiceDef::appointmentOnly);
    BranchDef small = demo.branch("vestby").orElseThrow();
    assertThat(small.desks()).hasSize(2);
    assertThat(small.services()).extracting(ServiceDef::group).doesNotContain("borgerservice");
    StaffMember demoUser = demo.staff().get("demo");
    assertThat(demoUser.pinMatches("0000")).isTrue();
    assertThat(demoUser.pinMatches("1234")).isFalse();
    assertThat(demoUser.skills()).containsAll(main.services().stream().map(ServiceDef::id).toList());
    assertThat(demo.staff().values()).anyMatch(s -> s.skills().size() < demoUser.skills().size() && s.pinMatches("1234"));
    assertThat(demo.screens()).extracting(ScreenDef::branch).contains("hovedbiblioteket", "vestby");
    assertThat(demo.kiosks()).extracting(KioskDef::branch).contains("hovedbiblioteket", "vestby");
  }

  @Test
  void yamlSyntaxErrorNamesTheLine() {
    broken(replaceLine(12, "    name: [unclosed"), "org.yaml:13:", "not valid YAML");
  }

  @Test
  void missingFieldNamesTheParent() {
    broken(replaceLine(4, "    group2: x").replace("    group: borgerservice\n", ""), "org.yaml:4:", "services[0].group2", "unknown field");
    broken(replaceLine(12, "    nam: Hovedbiblioteket"), "org.yaml:12:5: branches[0].nam: unknown field; allowed here: desks, id, name");
    broken(replaceLine(18, "      - {id: d1}"), "org.yaml:18:9: branches[0].desks[0]: missing required field 'name'");
  }

  @Test
  void unknownReferencesAreNamed() {
    broken(replaceLine(14, "      - {id: passport, hours: always}"), "org.yaml:14:", "branches[0].services[0].id",
        "unknown service 'passport'");
    broken(replaceLine(23, "    skills: [pas, dans]"), "org.yaml:23:", "staff[0].skills[1]", "unknown service 'dans'");
    broken(replaceLine(25, "  - {id: s1, branch: nowhere}"), "org.yaml:25:", "screens[0].branch", "unknown branch 'nowhere'");
    broken(replaceLine(27, "  - {id: k1, branch: nowhere}"), "org.yaml:27:", "kiosks[0].branch", "unknown branch 'nowhere'");
  }

  @Test
  void badValuesAreNamed() {
    broken(replaceLine(4, "    letter: p7"), "org.yaml:4:13: services[0].letter", "capital letters");
    broken(replaceLine(8, "    letter: P"), "org.yaml:15:", "both use the letter P");
    broken(replaceLine(5, "    group: sport"), "org.yaml:5:", "services[0].group", "not a group");
    broken(replaceLine(16, "        hours: {mon-fri: \"09:00-25:00\"}"), "org.yaml:16:", "branches[0].services[1].hours.mon-fri",
        "\"25:00\" is not a time (HH:MM)");
    broken(replaceLine(16, "        hours: {mon-fri: \"17:00-09:00\"}"), "org.yaml:16:", "is not after opening time");
    broken(replaceLine(16, "        hours: {monday: \"09:00-17:00\"}"), "org.yaml:16:", "'monday' is not a day");
    broken(replaceLine(16, "        hours: sometimes"), "org.yaml:16:", "must be 'always'");
    broken(replaceLine(12, "    name: Hovedbiblioteket\n    timezone: Mars/Olympus"), "org.yaml:13:", "branches[0].timezone",
        "not a time zone");
    broken(replaceLine(22, "    pinHash: \"0000\""), "org.yaml:22:", "staff[0].pinHash", "bcrypt hash");
    broken(replaceLine(11, "  - id: Main Branch"), "org.yaml:11:", "branches[0].id", "not an id");
    broken(replaceLine(25, "  - {id: s1, branch: main, layout: diagonal}"), "org.yaml:25:", "screens[0].layout",
        "landscape or portrait");
  }

  @Test
  void duplicatesAreRefused() {
    broken(replaceLine(6, "  - id: pas"), "org.yaml:6:", "service 'pas' is defined twice");
    broken(replaceLine(18, "      - {id: d1, name: A}\n      - {id: d1, name: B}"), "org.yaml:19:", "desk 'd1' is defined twice");
  }

  @Test
  void loadNamesTheFile() throws Exception {
    Path file = Files.createTempFile("organisation", ".yaml");
    Files.writeString(file, replaceLine(4, "    letter: 7"));
    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ":4:");
    assertThatThrownBy(() -> ConfigLoader.load(file.resolveSibling("missing.yaml")))
        .hasMessageContaining("no such file");
  }
}
