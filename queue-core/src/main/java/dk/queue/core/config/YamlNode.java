package dk.queue.core.config;

import java.util.List;

/**
 * A node of the configuration file together with where it is: line, column and path (such as
 * {@code branches[1].desks[0].id}). Every check starts from a node, so every message can point at
 * the text to fix.
 */
final class YamlNode {
  /** Ids appear in web addresses and event-bus addresses, hence the plain alphabet. */
  private static final String ID = "[a-z0-9][a-z0-9-]*";

  enum Kind { MAP, LIST, SCALAR }

  /** A field of a mapping: the key, located for messages about the name, and its value. */
  record Entry(YamlNode key, YamlNode value) {}

  private final String source;
  private final String path;
  private final int line;
  private final int column;
  private final Kind kind;
  private final String text;
  private final List<Entry> entries;
  private final List<YamlNode> items;

  private YamlNode(String source, String path, int line, int column, Kind kind, String text, List<Entry> entries,
                   List<YamlNode> items) {
    this.source = source;
    this.path = path;
    this.line = line;
    this.column = column;
    this.kind = kind;
    this.text = text;
    this.entries = entries;
    this.items = items;
  }

  /** A scalar; {@code text} is null for a YAML null (a field written without a value). */
  static YamlNode scalar(String source, String path, int line, int column, String text) {
    return new YamlNode(source, path, line, column, Kind.SCALAR, text, List.of(), List.of());
  }

  static YamlNode map(String source, String path, int line, int column, List<Entry> entries) {
    return new YamlNode(source, path, line, column, Kind.MAP, null, List.copyOf(entries), List.of());
  }

  static YamlNode list(String source, String path, int line, int column, List<YamlNode> items) {
    return new YamlNode(source, path, line, column, Kind.LIST, null, List.of(), List.copyOf(items));
  }

  Kind kind() {
    return kind;
  }

  /** A problem located at this node, ready to throw. */
  ConfigException problem(String message) {
    return new ConfigException(new ConfigProblem(source, line, column, path, message));
  }

  boolean isScalar() {
    return kind == Kind.SCALAR;
  }

  /** The fields of a mapping, refusing any not in {@code allowed}: a mistyped name must not pass in silence. */
  Fields fields(String... allowed) {
    return Fields.of(this, entries(), List.of(allowed));
  }

  /** The fields of a mapping whose field names are data (days of the week, for example). */
  List<Entry> entries() {
    if (kind != Kind.MAP) {
      throw problem("must be a mapping of fields (name: value), not " + describe());
    }
    return entries;
  }

  List<YamlNode> items() {
    if (kind != Kind.LIST) {
      throw problem("must be a list (items starting with '- ', or [a, b]), not " + describe());
    }
    return items;
  }

  boolean hasText() {
    return kind == Kind.SCALAR && text != null && !text.isBlank();
  }

  String text() {
    if (kind != Kind.SCALAR) {
      throw problem("must be a single value, not " + describe());
    }
    if (!hasText()) {
      throw problem("has no value");
    }
    return text.trim();
  }

  /** An identifier: lower-case letters a-z, digits and hyphens. */
  String id() {
    String id = text();
    if (!id.matches(ID)) {
      throw problem("'" + id + "' is not an id: use lower-case letters a-z, digits and hyphens "
          + "(no spaces or æ, ø, å: ids appear in web addresses)");
    }
    return id;
  }

  int integer(int min, int max) {
    String value = text();
    int v;
    try {
      v = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw problem("'" + value + "' is not a whole number");
    }
    if (v < min || v > max) {
      throw problem(v + " is out of range: use " + min + " to " + max);
    }
    return v;
  }

  boolean bool() {
    String value = text();
    // YAML 1.1 readers take yes/no as booleans too; accept them so a file means the same everywhere.
    switch (value.toLowerCase()) {
      case "true":
      case "yes":
        return true;
      case "false":
      case "no":
        return false;
      default:
        throw problem("'" + value + "' is not true or false");
    }
  }

  private String describe() {
    switch (kind) {
      case MAP:
        return "a mapping of fields";
      case LIST:
        return "a list";
      default:
        return text == null ? "an empty value" : "'" + text + "'";
    }
  }

  /** For messages that point back at another place: "first on line 12". */
  String where() {
    return "line " + line;
  }
}
