package dk.queue.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A node of the YAML file with its place (file, line, column) and its path
 * ({@code branches[1].desks[0].id}), so that every error can say exactly where it is.
 */
final class YamlNode {
  private final String file;
  private final String path;
  private final Node node;

  YamlNode(String file, String path, Node node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  String path() {
    return path;
  }

  ConfigException error(String problem) {
    return new ConfigException(file + ":" + (node.getStartMark().getLine() + 1) + ":"
        + (node.getStartMark().getColumn() + 1) + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
  }

  boolean isScalar() {
    return node instanceof ScalarNode;
  }

  boolean isMap() {
    return node instanceof MappingNode;
  }

  /** The fields of a mapping, in file order. */
  Map<String, YamlNode> fields() {
    if (!(node instanceof MappingNode)) {
      throw error("must be a mapping of fields");
    }
    Map<String, YamlNode> fields = new LinkedHashMap<>();
    for (NodeTuple t : ((MappingNode) node).getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode)) {
        throw new YamlNode(file, path, t.getKeyNode()).error("field names must be plain text");
      }
      String key = ((ScalarNode) t.getKeyNode()).getValue();
      YamlNode child = new YamlNode(file, path.isEmpty() ? key : path + "." + key, t.getValueNode());
      if (fields.put(key, child) != null) {
        throw new YamlNode(file, child.path, t.getKeyNode()).error("appears twice");
      }
    }
    return fields;
  }

  /** The fields, refusing any not in {@code allowed} (a typo should not pass in silence). */
  Map<String, YamlNode> fields(Set<String> allowed) {
    Map<String, YamlNode> fields = fields();
    for (NodeTuple t : ((MappingNode) node).getValue()) {
      String key = ((ScalarNode) t.getKeyNode()).getValue();
      if (!allowed.contains(key)) {
        throw new YamlNode(file, fields.get(key).path, t.getKeyNode())
            .error("unknown field; allowed here: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
    return fields;
  }

  List<YamlNode> list() {
    if (!(node instanceof SequenceNode)) {
      throw error("must be a list");
    }
    List<YamlNode> items = new ArrayList<>();
    List<Node> values = ((SequenceNode) node).getValue();
    for (int i = 0; i < values.size(); i++) {
      items.add(new YamlNode(file, path + "[" + i + "]", values.get(i)));
    }
    return items;
  }

  String text() {
    if (!(node instanceof ScalarNode)) {
      throw error("must be a single value");
    }
    String v = ((ScalarNode) node).getValue().trim();
    if (v.isEmpty()) {
      throw error("must not be empty");
    }
    return v;
  }

  int integer(int min, int max) {
    try {
      int v = Integer.parseInt(text());
      if (v < min || v > max) {
        throw error("must be from " + min + " to " + max + ", not " + v);
      }
      return v;
    } catch (NumberFormatException e) {
      throw error("must be a whole number, not '" + text() + "'");
    }
  }

  boolean bool() {
    String v = text();
    if (v.equals("true") || v.equals("yes")) {
      return true;
    }
    if (v.equals("false") || v.equals("no")) {
      return false;
    }
    throw error("must be true or false, not '" + v + "'");
  }

  static YamlNode require(Map<String, YamlNode> fields, String key, YamlNode parent) {
    YamlNode v = fields.get(key);
    if (v == null) {
      throw parent.error("missing required field '" + key + "'");
    }
    return v;
  }
}
