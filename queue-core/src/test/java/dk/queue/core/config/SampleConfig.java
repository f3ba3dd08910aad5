package dk.queue.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A small valid file, and ways to break it one line at a time and check what is reported. */
final class SampleConfig {
  static final String FILE = "org.yaml";
  /** bcrypt of 0000. */
  static final String HASH = "$2a$10$HGO/oOAkKvW.FAY50b1zFu35EAoly5kuA0S/UiXh.7GyGGkrs9gjS";

  static final String VALID = String.join("\n",
      "services:",                                                          // 1
      "  - id: pas",                                                        // 2
      "    name: {da: Pas, en: Passport}",                                  // 3
      "    letter: P",                                                      // 4
      "    group: borgerservice",                                           // 5
      "  - id: laan",                                                       // 6
      "    name: Lån",                                                      // 7
      "    letter: L",                                                      // 8
      "    group: bibliotek",                                               // 9
      "    targetWaitMinutes: 10",                                          // 10
      "branches:",                                                          // 11
      "  - id: main",                                                       // 12
      "    name: Hovedbiblioteket",                                         // 13
      "    hours: {mon-fri: \"09:00-17:00\"}",                              // 14
      "    services:",                                                      // 15
      "      - pas",                                                        // 16
      "      - id: laan",                                                   // 17
      "        hours: {mon-fri: \"09:00-17:00\", sat: \"10:00-12:00, 13:00-24:00\"}", // 18
      "    desks:",                                                         // 19
      "      - {id: d1, name: Skranke 1}",                                  // 20
      "staff:",                                                             // 21
      "  - user: demo",                                                     // 22
      "    name: Demo",                                                     // 23
      "    pinHash: \"" + HASH + "\"",                                      // 24
      "    skills: [pas]",                                                  // 25
      "screens:",                                                           // 26
      "  - {id: s1, branch: main}",                                         // 27
      "kiosks:",                                                            // 28
      "  - {id: k1, branch: main}",                                         // 29
      "outcomes: [served, referred]",                                       // 30
      "");

  private SampleConfig() {}

  /** The valid file with line {@code line} (1-based) replaced by {@code text}, which may hold several lines. */
  static String withLine(int line, String text) {
    String[] lines = VALID.split("\n", -1);
    lines[line - 1] = text;
    return String.join("\n", lines);
  }

  /** The valid file with {@code text} inserted after line {@code line}. */
  static String afterLine(int line, String text) {
    String[] lines = VALID.split("\n", -1);
    lines[line - 1] = lines[line - 1] + "\n" + text;
    return String.join("\n", lines);
  }

  /** Asserts that {@code yaml} is refused for exactly one problem, at this place and field. */
  static ConfigProblem refused(String yaml, int line, int column, String path, String message) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, FILE));
    assertThat(e).as("refused").isNotNull();
    assertThat(e.problems()).as(e.getMessage()).hasSize(1);
    ConfigProblem p = e.problems().get(0);
    assertThat(p.source()).isEqualTo(FILE);
    assertThat(p.line()).as(e.getMessage()).isEqualTo(line);
    assertThat(p.column()).as(e.getMessage()).isEqualTo(column);
    assertThat(p.path()).as(e.getMessage()).isEqualTo(path);
    assertThat(p.message()).contains(message);
    String place = line == 0 ? FILE + ": " : FILE + ":" + line + ":" + column + ": ";
    assertThat(e.getMessage()).startsWith(path.isEmpty() ? place : place + path + ": ").contains(message);
    return p;
  }

  static void parses(String yaml) {
    assertThat(ConfigLoader.parse(yaml, FILE)).isNotNull();
  }

  static void notParsed(String yaml) {
    assertThatThrownBy(() -> ConfigLoader.parse(yaml, FILE)).isInstanceOf(ConfigException.class);
  }
}
