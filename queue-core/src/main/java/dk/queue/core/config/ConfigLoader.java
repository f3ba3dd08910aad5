package dk.queue.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the organisation's YAML file into a validated {@link QueueConfig}. Everything wrong with
 * the file is reported at once, in a {@link ConfigException} whose lines read like compiler
 * messages: {@code organisation.yaml:42:7: branches[1].services[2].hours.mon-fri: "25:00" is not a
 * time (HH:MM)}.
 */
public final class ConfigLoader {
  /** The classpath resource of the demo organisation. */
  public static final String DEMO_RESOURCE = "/dk/queue/core/config/demo.yaml";
  /** The {@link QueueConfig#source()} of the embedded demo configuration. */
  public static final String DEMO_SOURCE = "demo.yaml";

  private ConfigLoader() {}

  /**
   * Reads and checks a configuration file.
   *
   * @throws ConfigException if the file cannot be read or is not a valid configuration
   */
  public static QueueConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw fileProblem(file.toString(), "no such file");
    } catch (IOException e) {
      throw fileProblem(file.toString(), "cannot be read: " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /**
   * Checks configuration text.
   *
   * @param yamlText   the file's content
   * @param sourceName what messages call the file, usually its path
   * @throws ConfigException if the text is not a valid configuration
   */
  public static QueueConfig parse(String yamlText, String sourceName) {
    return OrganisationReader.read(YamlTree.read(yamlText, sourceName), sourceName);
  }

  /** The embedded demo organisation: two libraries with citizen services, staff and devices. */
  public static QueueConfig demo() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEMO_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the embedded demo configuration " + DEMO_RESOURCE + " is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEMO_SOURCE);
    } catch (IOException e) {
      throw new IllegalStateException("the embedded demo configuration cannot be read", e);
    }
  }

  private static ConfigException fileProblem(String file, String message) {
    return new ConfigException(new ConfigProblem(file, 0, 0, "", message));
  }
}
