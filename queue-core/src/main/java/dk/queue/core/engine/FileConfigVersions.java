package dk.queue.core.engine;

import dk.queue.core.json.JsonMapping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configuration's versions in the node's data folder ({@code config-versions.jsonl}, one JSON
 * line per version, replaced whole on each save), beside {@link FileEventStore}'s events. Every
 * node keeps every version it sees, whichever store its events go to.
 */
public final class FileConfigVersions implements ConfigVersions {
  private final Path file;

  public FileConfigVersions(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    this.file = dataDir.resolve("config-versions.jsonl");
  }

  @Override
  public synchronized Optional<Saved> latestFromFile() throws IOException {
    List<Saved> all = read();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (FILE.equals(all.get(i).source())) {
        return Optional.of(all.get(i));
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void keep(Saved saved) throws IOException {
    List<Saved> all = read();
    if (all.stream().anyMatch(s -> s.version() == saved.version())) {
      return;
    }
    all.add(saved);
    all.sort(java.util.Comparator.comparingLong(Saved::version));
    Saved fromFile = latestOf(all);
    List<Saved> kept = new ArrayList<>(all.subList(Math.max(0, all.size() - KEPT), all.size()));
    if (fromFile != null && !kept.contains(fromFile)) {
      kept.add(0, fromFile);
    }
    write(kept);
  }

  @Override
  public synchronized List<Saved> history(int limit) throws IOException {
    List<Saved> all = read();
    List<Saved> newestFirst = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
      newestFirst.add(all.get(i));
    }
    return newestFirst;
  }

  private static Saved latestOf(List<Saved> all) {
    Saved found = null;
    for (Saved s : all) {
      if (FILE.equals(s.source())) {
        found = s;
      }
    }
    return found;
  }

  private List<Saved> read() throws IOException {
    List<Saved> all = new ArrayList<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          all.add(JsonMapping.decode(line, Saved.class));
        }
      }
    }
    return all;
  }

  private void write(List<Saved> all) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Saved s : all) {
      text.append(JsonMapping.encode(s)).append('\n');
    }
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
