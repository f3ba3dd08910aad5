package dk.queue.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.queue.core.json.JsonMapping;
import org.junit.jupiter.api.Test;

/** One item of the configuration changed, added or removed as the administration pages do it. */
class ConfigEditsTest {
  private static ObjectNode set(String json) {
    return (ObjectNode) JsonMapping.decode(json, com.fasterxml.jackson.databind.JsonNode.class);
  }

  @Test
  void anItemIsChangedFieldByFieldAddedAndRemovedAndTheResultLoads() {
    ConfigEdits.Edited changed = ConfigEdits.withItem(SampleConfig.VALID, "services", "laan",
        set("{\"targetWaitMinutes\": 20, \"group\": null, \"letter\": \"B\"}"));
    assertThat(changed.summary()).isEqualTo("services: laan changed (targetWaitMinutes, group, letter)");
    assertThatThrownBy(() -> ConfigLoader.parse(changed.yaml(), "edit"))
        .hasMessageContaining("services[1]: missing required field 'group'");

    ConfigEdits.Edited added = ConfigEdits.withItem(SampleConfig.VALID, "staff", "bo",
        set("{\"name\": \"Bo\", \"skills\": [\"laan\"], \"pin\": \"5678\"}"));
    assertThat(added.summary()).isEqualTo("staff: bo added");
    QueueConfig config = ConfigLoader.parse(added.yaml(), "edit");
    assertThat(config.staff().get("bo").skills()).containsExactly("laan");
    assertThat(added.yaml()).doesNotContain("5678");

    ConfigEdits.Edited removed = ConfigEdits.withItem(added.yaml(), "staff", "demo", null);
    assertThat(removed.summary()).isEqualTo("staff: demo removed");
    assertThat(ConfigLoader.parse(removed.yaml(), "edit").staff()).containsOnlyKeys("bo");
  }

  @Test
  void anUnknownListOrItemOrABadPinIsRefused() {
    assertThatThrownBy(() -> ConfigEdits.withItem(SampleConfig.VALID, "printers", "p1", set("{}")))
        .isInstanceOf(ConfigEdits.UnknownTarget.class).hasMessageContaining("use branches, kiosks");
    assertThatThrownBy(() -> ConfigEdits.withItem(SampleConfig.VALID, "kiosks", "nope", null))
        .isInstanceOf(ConfigEdits.UnknownTarget.class);
    assertThatThrownBy(() -> ConfigEdits.withItem(SampleConfig.VALID, "staff", "demo", set("{\"pin\": \"12\"}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a PIN is 4 to 8 digits");
  }
}
