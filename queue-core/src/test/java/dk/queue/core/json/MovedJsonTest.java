package dk.queue.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.Event;
import dk.queue.core.domain.MoveEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The events of a move between branches are stored and sent as JSON and read back as they were. */
class MovedJsonTest {
  @Test
  void everyMoveEventRoundTrips() {
    for (Event e : List.of(new Event.Moved(new MoveEvent.Out("main-a", "pas", "vest", "lib", "vest-b")),
        new Event.Moved(new MoveEvent.In("vest-b", "lib", "L001", "main", "main-a", Instant.parse("2026-11-25T11:00:00Z"), "da")),
        new Event.Moved(new MoveEvent.Confirmed("main-a", "L001")))) {
      String json = JsonMapping.encode(e);
      assertThat(json).startsWith("{\"type\":\"Moved\",\"change\":{\"type\":\"Move");
      assertThat(JsonMapping.decodeStored(json, Event.class)).isEqualTo(e);
    }
  }
}
