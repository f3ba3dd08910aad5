package dk.queue.core.config;

import dk.queue.core.domain.LocalizedText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code services} section: what the organisation offers anywhere, without hours. */
final class ServiceReader {
  static final List<String> GROUPS = List.of("borgerservice", "bibliotek", "digital");
  static final int DEFAULT_TARGET_WAIT_MINUTES = 15;
  static final int DEFAULT_SERVICE_MINUTES = 5;

  private ServiceReader() {}

  static Map<String, ServiceTemplate> read(List<YamlNode> items, Problems problems) {
    UniqueIds ids = new UniqueIds("service");
    Map<String, ServiceTemplate> services = new LinkedHashMap<>();
    for (YamlNode item : items) {
      problems.attempt(() -> template(item, ids)).ifPresent(s -> services.put(s.id(), s));
    }
    return services;
  }

  private static ServiceTemplate template(YamlNode node, UniqueIds ids) {
    Fields f = node.fields("id", "name", "letter", "group", "targetWaitMinutes", "serviceMinutes", "appointmentOnly", "bring");
    String id = ids.claim(f.required("id").id(), f.required("id"));
    return new ServiceTemplate(id,
        name(f.required("name")),
        letter(f.required("letter")),
        group(f.required("group")),
        f.optional("targetWaitMinutes").map(ServiceReader::targetWait).orElse(DEFAULT_TARGET_WAIT_MINUTES),
        f.optional("serviceMinutes").map(ServiceReader::serviceTime).orElse(DEFAULT_SERVICE_MINUTES),
        f.optional("appointmentOnly").map(YamlNode::bool).orElse(false),
        f.optional("bring").map(ServiceReader::name).orElse(null));
  }

  /** {@code {da: Pas, en: Passport}}, or one text for both languages (also what to bring). */
  static LocalizedText name(YamlNode node) {
    if (node.isScalar()) {
      return new LocalizedText(node.text(), null);
    }
    Fields f = node.fields("da", "en");
    return new LocalizedText(f.required("da").text(), f.optional("en").map(YamlNode::text).orElse(null));
  }

  /** The letter of the ticket numbers (P001): shown on screens and read aloud, so plain capitals. */
  static String letter(YamlNode node) {
    String letter = node.text();
    if (!letter.matches("[A-Z]{1,2}")) {
      throw node.problem("'" + letter + "' is not a ticket letter: use one or two capital letters A-Z");
    }
    return letter;
  }

  static int targetWait(YamlNode node) {
    return node.integer(1, 600);
  }

  static int serviceTime(YamlNode node) {
    return node.integer(1, 240);
  }

  private static String group(YamlNode node) {
    String group = node.text();
    if (!GROUPS.contains(group)) {
      throw node.problem("'" + group + "' is not a group" + Suggestions.didYouMean(group, GROUPS) + ": use "
          + String.join(", ", GROUPS));
    }
    return group;
  }
}
