package dk.queue.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Changes to configuration text as the administration pages make them: the YAML is read as a tree,
 * one part is replaced, and the whole is written again, to be checked by {@link ConfigLoader} like
 * any file (so a page gets the loader's messages). Comments in the text are not kept.
 */
public final class ConfigEdits {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

  private ConfigEdits() {}

  /** An edit that cannot be made: the thing it changes is not in the configuration. */
  public static final class UnknownTarget extends RuntimeException {
    public UnknownTarget(String message) {
      super(message);
    }
  }

  /** The text with the branch's {@code closedDays} replaced by {@code days} (entries as in the file). */
  public static String withClosedDays(String yaml, String branch, JsonNode days) {
    ObjectNode root = read(yaml);
    ObjectNode b = find(root, "branches", "id", branch)
        .orElseThrow(() -> new UnknownTarget("No branch '" + branch + "'"));
    if (days == null || days.isEmpty()) {
      b.remove("closedDays");
    } else {
      b.set("closedDays", days);
    }
    return write(root);
  }

  /** The text with the staff member's {@code pinHash} set to a fresh hash of {@code pin} (4-8 digits). */
  public static String withPin(String yaml, String user, String pin) {
    if (pin == null || !pin.matches("\\d{4,8}")) {
      throw new IllegalArgumentException("a PIN is 4 to 8 digits");
    }
    ObjectNode root = read(yaml);
    ObjectNode member = find(root, "staff", "user", user)
        .orElseThrow(() -> new UnknownTarget("No staff member '" + user + "'"));
    member.put("pinHash", HashPin.hash(pin));
    return write(root);
  }

  /** The lists the pages edit item by item, and the field that names an item in each. */
  public static final java.util.Map<String, String> LISTS = java.util.Map.of("services", "id", "branches", "id",
      "staff", "user", "screens", "id", "kiosks", "id", "signage", "branch");

  /**
   * The text with one item of a list changed: the fields of {@code set} replace the item's (a null
   * removes the field), and an item not there yet is added at the end; {@code set == null} removes the
   * item. A staff member's {@code pin} (4-8 digits) is stored as its hash. Returns what changed, in words.
   */
  public static Edited withItem(String yaml, String list, String id, ObjectNode set) {
    String key = LISTS.get(list);
    if (key == null) {
      throw new UnknownTarget("No list '" + list + "': use " + String.join(", ", new java.util.TreeSet<>(LISTS.keySet())));
    }
    ObjectNode root = read(yaml);
    Optional<ObjectNode> found = find(root, list, key, id);
    if (set == null) {
      ObjectNode item = found.orElseThrow(() -> new UnknownTarget("No " + list + " item '" + id + "'"));
      ArrayNode items = (ArrayNode) root.get(list);
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) == item) {
          items.remove(i);
          break;
        }
      }
      return new Edited(write(root), list + ": " + id + " removed");
    }
    ObjectNode item = found.orElseGet(() -> {
      ArrayNode items = root.get(list) instanceof ArrayNode a ? a : root.putArray(list);
      return items.addObject().put(key, id);
    });
    ObjectNode fields = set.deepCopy();
    fields.remove(key);
    if (fields.has("pin") && "staff".equals(list)) {
      String pin = fields.remove("pin").asText("");
      if (!pin.isEmpty()) {
        if (!pin.matches("\\d{4,8}")) {
          throw new IllegalArgumentException("a PIN is 4 to 8 digits");
        }
        fields.put("pinHash", HashPin.hash(pin));
      }
    }
    java.util.List<String> names = new java.util.ArrayList<>();
    fields.fields().forEachRemaining(e -> {
      names.add(e.getKey());
      if (e.getValue().isNull()) {
        item.remove(e.getKey());
      } else {
        item.set(e.getKey(), e.getValue());
      }
    });
    return new Edited(write(root), list + ": " + id + (found.isPresent() ? " changed (" + String.join(", ", names) + ")"
        : " added"));
  }

  /** Changed text, and what changed in words (for the audit log). */
  public record Edited(String yaml, String summary) {}

  /** The text as a tree, for pages that show its parts. */
  public static JsonNode tree(String yaml) {
    return read(yaml);
  }

  private static Optional<ObjectNode> find(ObjectNode root, String list, String key, String id) {
    JsonNode items = root.get(list);
    if (items instanceof ArrayNode array) {
      for (JsonNode item : array) {
        if (item instanceof ObjectNode o && id.equals(o.path(key).asText(null))) {
          return Optional.of(o);
        }
      }
    }
    return Optional.empty();
  }

  private static ObjectNode read(String yaml) {
    try {
      return (ObjectNode) YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(ObjectNode root) {
    try {
      return YAML.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
