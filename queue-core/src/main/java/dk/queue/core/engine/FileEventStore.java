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
 * disk on every append. A last line cut short by a crash is dropped when the file is next opened;
 * its events are still in the outbox and are written again. A whole line that cannot be read (a
 * damaged disk block, an event of a newer release) is set aside when the file is opened: moved to
 * {@code <branch>.jsonl.set-aside}, logged and counted, while the lines after it stay. Fields the
 * node does not know are ignored. Each node keeps its own: in a cluster it holds only what this
 * node drained.
 */
public final class FileEventStore implements EventStore {
  private static final System.Logger LOG = System.getLogger(FileEventStore.class.getName());
  private final Path folder;
  private final Map<String, Log> logs = new HashMap<>();
  private final Map<String, Long> setAside = new java.util.concurrent.ConcurrentHashMap<>();

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
    long lastSeq = log.lastSeq;
    log.channel.close();
    replace(log.file, kept.stream().map(JsonMapping::encode).toList());
    Log reopened = open(branch);
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
  public Map<String, Long> setAside() {
    return Map.copyOf(setAside);
  }

  @Override
  public boolean setAsideAny(String branch) {
    return Files.exists(sideFile(folder.resolve(branch + ".jsonl")));
  }

  private static Path sideFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".set-aside");
  }

  @Override
  public synchronized List<Recorded> diverging(String branch, List<Recorded> events) throws IOException {
    Map<Long, Recorded> held = new HashMap<>();
    for (Recorded r : log(branch).read()) {
      held.put(r.seq(), r);
    }
    return events.stream().filter(r -> held.containsKey(r.seq()) && !held.get(r.seq()).equals(r)).toList();
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
      log = open(branch);
      logs.put(branch, log);
    }
    return log;
  }

  /**
   * Opens a branch's file: lines that cannot be read are set aside, and a last line without its
   * newline (a write a crash cut short) is dropped.
   */
  private Log open(String branch) throws IOException {
    Path file = folder.resolve(branch + ".jsonl");
    Lines lines = Lines.of(file);
    long whole = lines.wholeLength;
    if (!lines.unreadable.isEmpty()) {
      setAside(branch, file, lines);
      whole = Files.size(file);
    }
    Log log = new Log(file);
    log.lastSeq = lines.events.stream().mapToLong(Recorded::seq).max().orElse(0);
    log.channel.truncate(whole);
    log.channel.position(whole);
    return log;
  }

  /** Appends the unreadable lines to the side file, then keeps only the readable ones in the log. */
  private void setAside(String branch, Path file, Lines lines) throws IOException {
    Path aside = sideFile(file);
    StringBuilder text = new StringBuilder();
    lines.unreadable.forEach(l -> text.append(l).append('\n'));
    try (FileChannel c = FileChannel.open(aside, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      c.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
      c.force(false);
    }
    replace(file, lines.readable);
    setAside.merge(branch, (long) lines.unreadable.size(), Long::sum);
    LOG.log(System.Logger.Level.ERROR, "event log of " + branch + ": " + lines.unreadable.size()
        + " line(s) could not be read and were set aside in " + aside + " (" + lines.problem + ")");
  }

  /** Replaces a file's lines, atomically and forced to disk. */
  private static void replace(Path file, List<String> lines) throws IOException {
    StringBuilder text = new StringBuilder();
    lines.forEach(l -> text.append(l).append('\n'));
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      c.force(true);
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The whole lines of a file, read and unreadable, and the length up to the end of the last whole
   * line (what follows it is a write cut short).
   */
  private static final class Lines {
    final List<Recorded> events = new ArrayList<>();
    final List<String> readable = new ArrayList<>();
    final List<String> unreadable = new ArrayList<>();
    long wholeLength;
    String problem;

    static Lines of(Path file) throws IOException {
      Lines out = new Lines();
      byte[] all = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
      int start = 0;
      for (int i = 0; i < all.length; i++) {
        if (all[i] == '\n') {
          String line = new String(all, start, i - start, StandardCharsets.UTF_8);
          start = i + 1;
          if (line.isBlank()) {
            continue;
          }
          try {
            out.events.add(JsonMapping.decodeStored(line, Recorded.class));
            out.readable.add(line);
          } catch (UncheckedIOException | IllegalArgumentException e) {
            out.unreadable.add(line);
            out.problem = e.getMessage();
          }
        }
      }
      out.wholeLength = start;
      return out;
    }
  }

  /** One branch's open file, with the last seq it holds. */
  private static final class Log {
    final Path file;
    final FileChannel channel;
    long lastSeq;

    Log(Path file) throws IOException {
      this.file = file;
      this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    }

    /** The events in seq order, each once. */
    List<Recorded> read() throws IOException {
      List<Recorded> out = new ArrayList<>();
      long last = 0;
      for (Recorded r : Lines.of(file).events) {
        if (r.seq() > last) {
          out.add(r);
          last = r.seq();
        }
      }
      return out;
    }
  }
}
