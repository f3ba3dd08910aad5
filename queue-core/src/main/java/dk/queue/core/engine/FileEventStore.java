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
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded store: one append-only file of JSON lines per branch in the data folder, forced to
 * disk on every append. A line cut short by a crash is dropped when the file is next opened; its
 * events are still in the outbox and are written again.
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
    while (bytes.hasRemaining()) {
      log.channel.write(bytes);
    }
    log.channel.force(false);
    log.lastSeq = last;
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
            lastSeq = JsonMapping.decode(line, Recorded.class).seq();
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
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          out.add(JsonMapping.decode(line, Recorded.class));
        }
      }
      return out;
    }
  }
}
