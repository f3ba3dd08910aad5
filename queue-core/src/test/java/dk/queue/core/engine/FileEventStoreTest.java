package dk.queue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded store against the contract, and what a crash leaves in its files. */
class FileEventStoreTest extends EventStoreContract {
  Path dir;

  @Override
  EventStore create() throws Exception {
    dir = Files.createTempDirectory("queue-store");
    return new FileEventStore(dir);
  }

  @Override
  EventStore reopen() throws Exception {
    return new FileEventStore(dir);
  }

  @Override
  void storeRaw(long seq, String json) throws Exception {
    Files.writeString(dir.resolve("events/main.jsonl"), json + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  @Override
  List<String> setAsideRaw() throws Exception {
    Path aside = dir.resolve("events/main.jsonl.set-aside");
    return Files.exists(aside) ? Files.readAllLines(aside) : List.of();
  }

  @Test
  void aDamagedLineInTheMiddleIsSetAsideAndTheLinesAfterItAreKept() throws Exception {
    store.append("main", issued("main", 1, 5, T0));
    store.close();
    Path file = dir.resolve("events/main.jsonl");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
    lines.set(2, lines.get(2).substring(0, 25) + "\u0000\u0000" + lines.get(2).substring(40));
    Files.write(file, lines);
    store = reopen();
    assertThat(seqs(store.currentDay("main"))).containsExactly(1L, 2L, 4L, 5L);
    assertThat(setAsideRaw()).containsExactly(lines.get(2));
    store.append("main", issued("main", 6, 6, T0));
    assertThat(seqs(store.currentDay("main"))).containsExactly(1L, 2L, 4L, 5L, 6L);
  }

  @Test
  void aLineCutShortByACrashIsDroppedAndWrittenAgain() throws Exception {
    store.append("main", issued("main", 1, 3, T0));
    store.close();
    Files.writeString(dir.resolve("events/main.jsonl"), "{\"branch\":\"main\",\"seq\":4,\"at\":\"20",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    store = reopen();
    store.append("main", issued("main", 1, 5, T0));
    assertThat(seqs(store.currentDay("main"))).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void eachNodeKeepsItsOwnFilesSoAStoreInAnotherFolderHasNoneOfTheEvents() throws Exception {
    store.append("main", issued("main", 1, 3, T0));
    Path elsewhere = Files.createTempDirectory("queue-store");
    try (FileEventStore other = new FileEventStore(elsewhere)) {
      assertThat(other.currentDay("main")).isEmpty();
    }
    assertThat(store.shared()).as("a cluster cannot count on another node's files").isFalse();
  }
}
