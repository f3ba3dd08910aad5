package dk.queue.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class HashPinTest {

  @Test
  void theHashMatchesThePinAndNoOther() {
    StaffMember m = new StaffMember("anne", "Anne", Set.of("pas"), HashPin.hash("4711"));
    assertThat(m.pinHash()).startsWith("$2a$10$").doesNotContain("4711");
    assertThat(m.pinMatches("4711")).isTrue();
    assertThat(m.pinMatches("4712")).isFalse();
  }

  @Test
  void everyHashHasItsOwnSalt() {
    assertThat(HashPin.hash("4711")).isNotEqualTo(HashPin.hash("4711"));
  }

  @Test
  void aHashIsAcceptedByTheLoader() {
    String yaml = SampleConfig.withLine(24, "    pinHash: \"" + HashPin.hash("4711") + "\"");
    assertThat(ConfigLoader.parse(yaml, SampleConfig.FILE).staff().get("demo").pinMatches("4711")).isTrue();
  }
}
