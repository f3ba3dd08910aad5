package dk.queue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
  void theEmbeddedStoreIsNotShared() {
    assertThat(store.shared()).isFalse();
  }
}
