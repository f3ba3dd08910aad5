package dk.queue.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the organisation's YAML file into a validated {@link QueueConfig}. */
public final class ConfigLoader {
  static final String DEMO = "/dk/queue/core/config/demo.yaml";

  private ConfigLoader() {}

  public static QueueConfig load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such file");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read: " + e.getMessage());
    }
  }

  /** The embedded demo organisation. */
  public static QueueConfig demo() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEMO)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "demo.yaml (embedded)");
    } catch (IOException e) {
      throw new IllegalStateException("the embedded demo configuration is missing", e);
    }
  }

  public static QueueConfig parse(String yaml, String source) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      int column = e.getProblemMark() == null ? 0 : e.getProblemMark().getColumn() + 1;
      throw new ConfigException(source + ":" + line + ":" + column + ": not valid YAML: " + e.getProblem());
    }
    if (root == null) {
      throw new ConfigException(source + ": the file is empty");
    }
    return new OrganisationReader(source).read(new YamlNode(source, "", root));
  }
}
