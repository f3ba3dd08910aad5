package dk.queue.core.engine;

import dk.queue.core.domain.Event;
import dk.queue.core.domain.Recorded;
import dk.queue.core.json.JsonMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded store: one append-only file of JSON lines per branch in the data folder, forced to
 * disk on every append. A line cut short by a crash is dropped when the file is next opened; its
 * events are still in the outbox and are written again. Each node keeps its own: in a cluster it
 * holds only what this node drained.
 */
public final class FileEventStore implements EventStore {
  private final Path folder;
  private final Map<String, Log> logs = new HashMap<>();

  public FileEventStore(Path dataDir) throws IOException {
    this.folder = dataDir.resolve("events");
    Files.createDirectories(folder);
  }

  @Override
  public synchronized void append(String branch, List<Recorded> events) throws IOException {
    Log log = log(branch);
    StringBuilder lines = new StringBuilder();
    long last = log.lastSeq;
    for (Recorded r : events) {
      if (r.seq() > last) {
        lines.append(JsonMapping.encode(r)).append('\n');
        last = r.seq();
      }
    }
    if (lines.length() == 0) {
      return;
    }
    ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
    long before = log.channel.position();
    try {
      while (bytes.hasRemaining()) {
        log.channel.write(bytes);
      }
      log.channel.force(false);
    } catch (IOException e) {
      // All or none: a part written now would be written again by the next attempt.
      try {
        log.channel.truncate(before);
        log.channel.position(before);
      } catch (IOException ignored) {
        // the file is dropped back to its last whole line when next opened
      }
      throw e;
    }
    log.lastSeq = last;
  }

  @Override
  public synchronized List<Recorded> between(String branch, Instant from, Instant to) throws IOException {
    List<Recorded> out = new ArrayList<>();
    for (Recorded r : log(branch).read()) {
      if (!r.at().isBefore(from) && r.at().isBefore(to)) {
        out.add(r);
      }
    }
    return out;
  }

  @Override
  public synchronized long deleteBefore(String branch, Instant cutoff) throws IOException {
    Log log = log(branch);
    List<Recorded> all = log.read();
    List<Recorded> kept = all.stream().filter(r -> !r.at().isBefore(cutoff)).toList();
    if (kept.size() == all.size()) {
      return 0;
    }
    StringBuilder lines = new StringBuilder();
    kept.forEach(r -> lines.append(JsonMapping.encode(r)).append('\n'));
    Path temp = log.file.resolveSibling(log.file.getFileName() + ".tmp");
    Files.writeString(temp, lines, StandardCharsets.UTF_8);
    try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      c.force(true);
    }
    long lastSeq = log.lastSeq;
    log.channel.close();
    Files.move(temp, log.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Log reopened = new Log(log.file);
    // The seq goes on where it was, even when every event of the branch was deleted.
    reopened.lastSeq = Math.max(reopened.lastSeq, lastSeq);
    logs.put(branch, reopened);
    return all.size() - kept.size();
  }

  @Override
  public void check() throws IOException {
    if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
      throw new IOException("cannot write to " + folder);
    }
  }

  @Override
  public boolean shared() {
    return false;
  }

  @Override
  public synchronized List<Recorded> currentDay(String branch) throws IOException {
    Log log = log(branch);
    List<Recorded> day = new ArrayList<>();
    for (Recorded r : log.read()) {
      if (r.event() instanceof Event.DayStarted) {
        day.clear();
      }
      day.add(r);
    }
    return day;
  }

  @Override
  public synchronized void close() throws IOException {
    for (Log log : logs.values()) {
      log.channel.close();
    }
    logs.clear();
  }

  private Log log(String branch) throws IOException {
    Log log = logs.get(branch);
    if (log == null) {
      log = new Log(folder.resolve(branch + ".jsonl"));
      logs.put(branch, log);
    }
    return log;
  }

  /** One branch's file, with the last seq it holds. */
  private static final class Log {
    final Path file;
    final FileChannel channel;
    long lastSeq;

    Log(Path file) throws IOException {
      this.file = file;
      this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
      long goodLength = 0;
      byte[] all = Files.readAllBytes(file);
      int start = 0;
      for (int i = 0; i < all.length; i++) {
        if (all[i] == '\n') {
          String line = new String(all, start, i - start, StandardCharsets.UTF_8);
          try {
            lastSeq = Math.max(lastSeq, JsonMapping.decode(line, Recorded.class).seq());
          } catch (UncheckedIOException | IllegalArgumentException e) {
            break;
          }
          goodLength = i + 1;
          start = i + 1;
        }
      }
      channel.truncate(goodLength);
      channel.position(goodLength);
    }

    List<Recorded> read() throws IOException {
      List<Recorded> out = new ArrayList<>();
      long last = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          Recorded r = JsonMapping.decode(line, Recorded.class);
          if (r.seq() > last) {
            out.add(r);
            last = r.seq();
          }
        }
      }
      return out;
    }
  }
}
