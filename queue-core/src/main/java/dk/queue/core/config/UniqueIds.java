package dk.queue.core.config;

import java.util.HashMap;
import java.util.Map;

/** Refuses an id used twice among things of one kind, saying where it was first used. */
final class UniqueIds {
  private final String kind;
  private final String complaint;
  private final Map<String, YamlNode> seen = new HashMap<>();

  UniqueIds(String kind) {
    this(kind, "is defined twice");
  }

  /** With a complaint of its own, such as "is offered twice at this branch". */
  UniqueIds(String kind, String complaint) {
    this.kind = kind;
    this.complaint = complaint;
  }

  /** Takes {@code id} for the thing at {@code node}. */
  String claim(String id, YamlNode node) {
    YamlNode first = seen.putIfAbsent(id, node);
    if (first != null) {
      throw node.problem(kind + " '" + id + "' " + complaint + " (first on " + first.where() + ")");
    }
    return id;
  }
}
