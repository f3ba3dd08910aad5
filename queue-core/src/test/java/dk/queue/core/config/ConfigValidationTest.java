package dk.queue.core.config;

import static dk.queue.core.config.SampleConfig.FILE;
import static dk.queue.core.config.SampleConfig.HASH;
import static dk.queue.core.config.SampleConfig.VALID;
import static dk.queue.core.config.SampleConfig.afterLine;
import static dk.queue.core.config.SampleConfig.refused;
import static dk.queue.core.config.SampleConfig.withLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Each rule, broken once in an otherwise valid file: the message must say where and what. */
class ConfigValidationTest {

  @Test
  void yamlSyntaxErrorsNameTheLineAndColumn() {
    refused(withLine(13, "    name: Hoved: biblioteket"), 13, 16, "", "not valid YAML: mapping values are not allowed");
    refused(withLine(13, "\tname: Hovedbiblioteket"), 13, 1, "", "not valid YAML");
    // An unclosed bracket is noticed where the next line makes it impossible.
    refused(withLine(13, "    name: [unclosed"), 14, 10, "", "not valid YAML");
  }

  @Test
  void anEmptyFileIsRefused() {
    refused("", 0, 0, "", "the file is empty");
    refused("# nothing but a comment\n", 0, 0, "", "the file is empty");
    assertThat(catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse("", FILE)))
        .hasMessage("org.yaml: the file is empty");
  }

  @Test
  void aMissingRequiredFieldIsNamedAtItsParent() {
    refused(withLine(20, "      - {id: d1}"), 20, 9, "branches[0].desks[0]", "missing required field 'name'");
    refused(withLine(8, ""), 6, 5, "services[1]", "missing required field 'letter'");
    refused(withLine(3, "    name: {en: Passport}"), 3, 11, "services[0].name", "missing required field 'da'");
    String noBranches = VALID.substring(0, VALID.indexOf("branches:")) + VALID.substring(VALID.indexOf("staff:"));
    refused(noBranches, 1, 1, "", "missing required field 'branches'");
  }

  @Test
  void serviceHoursAreRequiredUnlessTheBranchGivesThem() {
    refused(withLine(14, ""), 16, 9, "branches[0].services[0]", "missing required field 'hours'");
  }

  @Test
  void anUnknownFieldIsRefusedWithTheFieldsAllowedThere() {
    refused(withLine(13, "    nam: Hovedbiblioteket"), 13, 5, "branches[0].nam",
        "unknown field 'nam' (did you mean 'name'?); allowed here: closedDays, desks, hours, id, maxWaitingPerService, name, services, timezone");
    refused(withLine(25, "    skils: [pas]"), 25, 5, "staff[0].skils", "did you mean 'skills'?");
    refused(withLine(30, "outcome: [served]"), 30, 1, "outcome", "did you mean 'outcomes'?");
    refused(withLine(20, "      - {id: d1, name: Skranke 1, colour: red}"), 20, 35, "branches[0].desks[0].colour",
        "unknown field 'colour'; allowed here: id, name");
  }

  @Test
  void aBranchOfferingAnUnknownServiceIsRefused() {
    refused(withLine(16, "      - passport"), 16, 9, "branches[0].services[0]",
        "unknown service 'passport'; the services section defines pas, laan");
    refused(withLine(17, "      - id: lan"), 17, 13, "branches[0].services[1].id",
        "unknown service 'lan' (did you mean 'laan'?)");
  }

  @Test
  void aSkillNamingAnUnknownServiceIsRefused() {
    refused(withLine(25, "    skills: [pas, dans]"), 25, 19, "staff[0].skills[1]", "unknown service 'dans'");
    refused(withLine(25, "    skills: everything"), 25, 13, "staff[0].skills",
        "must be 'all' or a list of service ids");
  }

  @Test
  void aScreenOrKioskAtAnUnknownBranchIsRefused() {
    refused(withLine(27, "  - {id: s1, branch: mian}"), 27, 22, "screens[0].branch",
        "unknown branch 'mian' (did you mean 'main'?)");
    refused(withLine(29, "  - {id: k1, branch: vest}"), 29, 22, "kiosks[0].branch",
        "unknown branch 'vest'; the branches section defines main");
  }

  @Test
  void anIdUsedTwiceIsRefusedWithWhereItWasFirstUsed() {
    refused(afterLine(10, "  - {id: pas, name: Pas igen, letter: Q, group: borgerservice}"), 11, 10, "services[2].id",
        "service 'pas' is defined twice (first on line 2)");
    refused(afterLine(20, "  - {id: main, name: Igen, hours: always, services: [pas], desks: [{id: d1, name: D}]}"),
        21, 10, "branches[1].id", "branch 'main' is defined twice (first on line 12)");
    refused(withLine(20, "      - {id: d1, name: A}\n      - {id: d1, name: B}"), 21, 14, "branches[0].desks[1].id",
        "desk 'd1' is defined twice at this branch (first on line 20)");
    refused(afterLine(16, "      - pas"), 17, 9, "branches[0].services[1]",
        "service 'pas' is offered twice at this branch");
    refused(afterLine(25, "  - {user: demo, name: Igen, pinHash: \"" + HASH + "\", skills: all}"), 26, 12,
        "staff[1].user", "user 'demo' is defined twice (first on line 22)");
    refused(afterLine(27, "  - {id: s1, branch: main}"), 28, 10, "screens[1].id", "screen 's1' is defined twice");
    refused(afterLine(29, "  - {id: k1, branch: main}"), 30, 10, "kiosks[1].id", "kiosk 'k1' is defined twice");
    refused(withLine(30, "outcomes: [served, served]"), 30, 20, "outcomes[1]", "outcome 'served' is defined twice");
  }

  @Test
  void aFieldWrittenTwiceInOneMappingIsRefused() {
    refused(afterLine(13, "    name: Igen"), 14, 5, "branches[0].name",
        "appears twice in the same mapping (first on line 13)");
  }

  @Test
  void ticketLettersAreOneOrTwoCapitals() {
    refused(withLine(4, "    letter: p7"), 4, 13, "services[0].letter", "'p7' is not a ticket letter");
    refused(withLine(4, "    letter: PAS"), 4, 13, "services[0].letter", "one or two capital letters A-Z");
    refused(withLine(4, "    letter: Æ"), 4, 13, "services[0].letter", "not a ticket letter");
  }

  @Test
  void twoServicesOfABranchMayNotShareALetter() {
    refused(withLine(8, "    letter: P"), 17, 9, "branches[0].services[1]",
        "letter P is used by both 'pas' and 'laan' at this branch");
    refused(withLine(18, "        letter: P\n        hours: always"), 17, 9, "branches[0].services[1]",
        "letter P is used by both");
  }

  @Test
  void timesAndRangesMustBeValid() {
    String at = "branches[0].services[1].hours.mon-fri";
    refused(withLine(18, "        hours: {mon-fri: \"09:00-25:00\"}"), 18, 26, at, "\"25:00\" is not a time (HH:MM)");
    refused(withLine(18, "        hours: {mon-fri: \"9.00-17:00\"}"), 18, 26, at, "\"9.00\" is not a time (HH:MM)");
    refused(withLine(18, "        hours: {mon-fri: \"09:00\"}"), 18, 26, at,
        "is not a range of times such as 09:00-17:00");
    refused(withLine(18, "        hours: {mon-fri: \"17:00-09:00\"}"), 18, 26, at, "closes before it opens");
    refused(withLine(18, "        hours: {mon-fri: \"24:00-09:00\"}"), 18, 26, at, "\"24:00\" can only close a range");
    refused(withLine(18, "        hours: {mon-fri: \"09:00-12:00, 11:00-13:00\"}"), 18, 26, at,
        "the ranges 09:00-12:00 and 11:00-13:00 overlap");
    refused(withLine(18, "        hours: sometimes"), 18, 16, "branches[0].services[1].hours",
        "'sometimes' is not opening hours");
    refused(withLine(14, "    hours: {mon-fri: \"09:00-17:00\", sat: \"9-12\"}"), 14, 42, "branches[0].hours.sat",
        "\"9\" is not a time");
  }

  @Test
  void dayNamesMustBeKnown() {
    refused(withLine(18, "        hours: {monday: \"09:00-17:00\"}"), 18, 17, "branches[0].services[1].hours.monday",
        "'monday' is not a day: use mon, tue, wed, thu, fri, sat, sun");
    refused(withLine(18, "        hours: {fri-mon: \"09:00-17:00\"}"), 18, 17, "branches[0].services[1].hours.fri-mon",
        "'fri-mon' runs backwards");
    refused(withLine(18, "        hours: {mon-fri: \"09:00-17:00\", wed: \"18:00-19:00\"}"), 18, 41,
        "branches[0].services[1].hours.wed", "wed is given twice (first on line 18)");
  }

  @Test
  void theTimeZoneMustBeKnown() {
    refused(afterLine(13, "    timezone: Mars/Olympus"), 14, 15, "branches[0].timezone",
        "'Mars/Olympus' is not a time zone");
  }

  @Test
  void aStaffPinMustBeStoredAsABcryptHash() {
    refused(withLine(24, "    pinHash: \"0000\""), 24, 14, "staff[0].pinHash",
        "looks like a PIN; store only its bcrypt hash");
    refused(withLine(24, "    pinHash: secret"), 24, 14, "staff[0].pinHash", "is not a bcrypt hash");
    refused(withLine(24, "    pinHash: \"" + HASH.substring(1) + "\""), 24, 14, "staff[0].pinHash", "HashPin");
  }

  @Test
  void idsArePlainLowerCase() {
    refused(withLine(20, "      - {id: Skranke 1, name: Skranke 1}"), 20, 14, "branches[0].desks[0].id",
        "'Skranke 1' is not an id: use lower-case letters a-z, digits and hyphens");
    refused(withLine(22, "  - user: Anne Hansen"), 22, 11, "staff[0].user", "is not a user name");
  }

  @Test
  void otherValuesMustBeOfTheirKind() {
    refused(withLine(5, "    group: sport"), 5, 12, "services[0].group",
        "'sport' is not a group: use borgerservice, bibliotek, digital");
    refused(withLine(10, "    targetWaitMinutes: ten"), 10, 24, "services[1].targetWaitMinutes",
        "'ten' is not a whole number");
    refused(withLine(10, "    targetWaitMinutes: 0"), 10, 24, "services[1].targetWaitMinutes",
        "0 is out of range: use 1 to 600");
    refused(afterLine(10, "    appointmentOnly: perhaps"), 11, 22, "services[1].appointmentOnly",
        "'perhaps' is not true or false");
    refused(withLine(27, "  - {id: s1, branch: main, layout: diagonal}"), 27, 36, "screens[0].layout",
        "use landscape, portrait or counter");
    refused(withLine(29, "  - {id: k1, branch: main, languages: [da, fr]}"), 29, 44, "kiosks[0].languages[1]",
        "'fr' is not a language of the system");
    refused(withLine(13, "    name:"), 13, 10, "branches[0].name", "has no value");
    refused(withLine(20, "").replace("    desks:", "    desks: {id: d1, name: Skranke 1}"), 19, 12, "branches[0].desks",
        "must be a list");
    refused(withLine(20, "").replace("    desks:", "    desks: []"), 19, 12, "branches[0].desks",
        "name at least one desk");
  }

  @Test
  void anAliasMustReferToAnAnchor() {
    refused(withLine(18, "        hours: *vest"), 18, 16, "branches[0].services[1].hours",
        "'*vest' refers to no anchor");
  }

  @Test
  void everyProblemIsReportedAtOnceInFileOrder() {
    String yaml = withLine(29, "  - {id: k1, branch: vest}")
        .replace("      - {id: d1, name: Skranke 1}", "      - {id: d1}")
        .replace("    letter: P\n", "    letter: p\n");
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, FILE));
    assertThat(e.problems()).extracting(ConfigProblem::line).containsExactly(4, 20, 29);
    assertThat(e.getMessage()).startsWith("3 problems in org.yaml:\n  org.yaml:4:13: services[0].letter: ")
        .contains("\n  org.yaml:20:9: branches[0].desks[0]: missing required field 'name'")
        .contains("\n  org.yaml:29:22: kiosks[0].branch: unknown branch 'vest'");
  }

  @Test
  void aBrokenDefinitionIsNotReportedAgainWhereItIsUsed() {
    // The service pas and the branch main are broken; the branch's offer of pas and the screen and
    // kiosk at main must not add "unknown" problems of their own.
    String yaml = withLine(5, "    group: sport").replace("    name: Hovedbiblioteket", "    name: [Hovedbiblioteket]");
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, FILE));
    assertThat(e.problems()).extracting(ConfigProblem::path).containsExactly("services[0].group", "branches[0].name");
  }
}
