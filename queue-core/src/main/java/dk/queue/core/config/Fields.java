package dk.queue.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The fields of one mapping in the file, already checked against the names allowed there. */
final class Fields {
  private final YamlNode owner;
  private final Map<String, YamlNode> values;

  private Fields(YamlNode owner, Map<String, YamlNode> values) {
    this.owner = owner;
    this.values = values;
  }

  static Fields of(YamlNode owner, List<YamlNode.Entry> entries, List<String> allowed) {
    Map<String, YamlNode> values = new LinkedHashMap<>();
    for (YamlNode.Entry e : entries) {
      String name = e.key().text();
      if (!allowed.contains(name)) {
        throw e.key().problem("unknown field '" + name + "'" + Suggestions.didYouMean(name, allowed)
            + "; allowed here: " + String.join(", ", new TreeSet<>(allowed)));
      }
      values.put(name, e.value());
    }
    return new Fields(owner, values);
  }

  /** No fields at all, for an entry written in its short form (a plain value). */
  static Fields none(YamlNode owner) {
    return new Fields(owner, Map.of());
  }

  YamlNode required(String name) {
    YamlNode v = values.get(name);
    if (v == null) {
      throw owner.problem("missing required field '" + name + "'");
    }
    return v;
  }

  Optional<YamlNode> optional(String name) {
    return Optional.ofNullable(values.get(name));
  }
}
