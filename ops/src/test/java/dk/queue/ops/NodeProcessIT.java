package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.config.ConfigLoader;
import dk.queue.core.node.Ports;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar, started as the README says, is a complete node. */
class NodeProcessIT {

  static Path jar() {
    Path jar = Path.of(System.getProperty("queue.node.jar", "target/queue-node.jar"));
    assertThat(jar).as("run 'mvn package' first").exists();
    return jar;
  }

  /** What a starting node prints, up to its last start-up line (the API's address), within 90 s. */
  static String startLines(Process p) throws Exception {
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
        lines.add(line);
        if (line.contains("API:")) {
          break;
        }
      }
    }
    return String.join("\n", lines);
  }

  @Test
  void jarStartsADemoNodeAndPrintsItsPages() throws Exception {
    int port = Ports.free();
    Path data = Files.createTempDirectory("queue-jar");
    Process p = new ProcessBuilder("java", "-jar", jar().toString(), "--port", String.valueOf(port),
        "--data-dir", data.toString()).redirectErrorStream(true).start();
    try {
      String printed = startLines(p);
      assertThat(printed).contains("Queue node ready on http://localhost:" + port)
          .contains("/kiosk/").contains("/screens/").contains("/desk/");
      HttpResponse<String> branches = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/branches")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(branches.statusCode()).isEqualTo(200);
      assertThat(branches.body()).contains("hovedbiblioteket");
      assertThat(data.resolve("events")).isDirectory();
    } finally {
      p.destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the node stops on SIGTERM").isTrue();
    }
  }

  @Test
  void aNodeStartedWithSighupIgnoredSaysItCannotReloadOnIt() throws Exception {
    int port = Ports.free();
    Path data = Files.createTempDirectory("queue-nohup");
    Path config = data.resolve("queue.yaml");
    try (java.io.InputStream in = ConfigLoader.class.getResourceAsStream(ConfigLoader.DEMO_RESOURCE)) {
      Files.write(config, in.readAllBytes());
    }
    Process p = new ProcessBuilder("nohup", "java", "-jar", jar().toString(), "--port", String.valueOf(port),
        "--data-dir", data.resolve("node").toString(), "--config", config.toString()).redirectErrorStream(true).start();
    try {
      assertThat(startLines(p)).contains("SIGHUP is ignored by this process", "Queue node ready");
    } finally {
      p.destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void helpAndBadOptionsAnswerWithoutStarting() throws Exception {
    Process help = new ProcessBuilder("java", "-jar", jar().toString(), "--help").redirectErrorStream(true).start();
    String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(help.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(help.exitValue()).isZero();
    assertThat(text).contains("--port").contains("--config").contains("--data-dir");

    Process bad = new ProcessBuilder("java", "-jar", jar().toString(), "--port", "eighty").redirectErrorStream(true).start();
    String badText = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bad.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(bad.exitValue()).isEqualTo(2);
    assertThat(badText).contains("--port must be a number");
  }

  @Test
  void brokenConfigurationStopsTheStartNamingFileLineAndField() throws Exception {
    Path config = Files.createTempFile("broken", ".yaml");
    Files.writeString(config, "services:\n  - id: pas\n    letter: 7\n");
    Process p = new ProcessBuilder("java", "-jar", jar().toString(), "--config", config.toString(), "--port", "0")
        .redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(text).contains("Configuration error").contains(config.getFileName().toString());
  }
}
