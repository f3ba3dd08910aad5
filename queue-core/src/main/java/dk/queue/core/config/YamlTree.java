package dk.queue.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into {@link YamlNode}s, keeping each node's line and column from the parser's
 * token locations. Jackson's own {@code JsonNode} tree drops locations, and shares instances of
 * small values, so locations cannot be kept beside it.
 */
final class YamlTree {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final YAMLParser parser;
  private final String source;
  private final Map<String, YamlNode> anchors = new HashMap<>();

  private YamlTree(YAMLParser parser, String source) {
    this.parser = parser;
    this.source = source;
  }

  /** The root of the single document in {@code text}. */
  static YamlNode read(String text, String source) {
    try (YAMLParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() == null) {
        throw new ConfigException(new ConfigProblem(source, 0, 0, "", "the file is empty"));
      }
      YamlNode root = new YamlTree(parser, source).node("");
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw new ConfigException(new ConfigProblem(source, at.getLineNr(), at.getColumnNr(), "",
            "a second YAML document ('---') is not allowed: keep the whole configuration in one"));
      }
      return root;
    } catch (JsonProcessingException e) {
      throw syntaxError(e, source);
    } catch (IOException e) {
      throw new UncheckedIOException("reading YAML from a string", e);
    }
  }

  private YamlNode node(String path) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    String anchor = parser.getObjectId();
    YamlNode node;
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      node = YamlNode.map(source, path, line, column, entries(path));
    } else if (token == JsonToken.START_ARRAY) {
      node = YamlNode.list(source, path, line, column, items(path));
    } else if (parser.isCurrentAlias()) {
      node = alias(path, line, column);
    } else {
      node = YamlNode.scalar(source, path, line, column, token == JsonToken.VALUE_NULL ? null : parser.getText());
    }
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private List<YamlNode.Entry> entries(String path) throws IOException {
    List<YamlNode.Entry> entries = new ArrayList<>();
    Map<String, YamlNode> seen = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      String childPath = path.isEmpty() ? name : path + "." + name;
      JsonLocation at = parser.currentTokenLocation();
      YamlNode key = YamlNode.scalar(source, childPath, at.getLineNr(), at.getColumnNr(), name);
      YamlNode first = seen.putIfAbsent(name, key);
      if (first != null) {
        // Most YAML readers let the last one win, which hides the first from whoever reads the file.
        throw key.problem("appears twice in the same mapping (first on " + first.where() + ")");
      }
      parser.nextToken();
      entries.add(new YamlNode.Entry(key, node(childPath)));
    }
    return entries;
  }

  private List<YamlNode> items(String path) throws IOException {
    List<YamlNode> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(node(path + "[" + items.size() + "]"));
    }
    return items;
  }

  private YamlNode alias(String path, int line, int column) throws IOException {
    YamlNode target = anchors.get(parser.getText());
    if (target == null) {
      throw YamlNode.scalar(source, path, line, column, null)
          .problem("'*" + parser.getText() + "' refers to no anchor ('&" + parser.getText() + "') before it");
    }
    // The shared node keeps the place where it is written, which is where a fix would go.
    return target;
  }

  private static ConfigException syntaxError(JsonProcessingException e, String source) {
    // The YAML scanner's own mark points at the offending character; Jackson's location is often
    // where the parser last stood, which can be lines earlier.
    if (e.getCause() instanceof MarkedYAMLException) {
      MarkedYAMLException yaml = (MarkedYAMLException) e.getCause();
      Mark mark = yaml.getProblemMark();
      String problem = yaml.getProblem() == null ? yaml.getMessage() : yaml.getProblem();
      String context = yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")";
      if (mark != null) {
        return new ConfigException(new ConfigProblem(source, mark.getLine() + 1, mark.getColumn() + 1, "",
            "not valid YAML: " + problem + context));
      }
    }
    JsonLocation at = e.getLocation();
    return new ConfigException(new ConfigProblem(source, at == null ? 0 : at.getLineNr(),
        at == null ? 0 : at.getColumnNr(), "", "not valid YAML: " + e.getOriginalMessage()));
  }
}
