package dk.queue.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.DeskDef;
import dk.queue.core.domain.LocalizedText;
import dk.queue.core.domain.OpeningHours;
import dk.queue.core.domain.ServiceDef;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The textbook predictors the simulator computes beside ours. */
class SimulatorTest {
  static final BranchDef BRANCH = new BranchDef("b", "B", ZoneId.of("Europe/Copenhagen"),
      List.of(new ServiceDef("a", new LocalizedText("a", "a"), "A", "g", 600, 300, OpeningHours.always(), false)),
      List.of(new DeskDef("d1", "Desk 1")));
  static final Instant MONDAY = Instant.parse("2026-11-30T07:00:00Z");
  static final List<Shift> ONE_DESK = List.of(new Shift("d1", 0, 7200, List.of("a")));
  /** The second ticket comes while the first is served, first in line: QL tells it one mean service time. */
  static final List<Arrival> ARRIVALS = List.of(new Arrival(0, "a", 100), new Arrival(1, "a", 100),
      new Arrival(2, "a", 400));

  @Test
  void qlIsGivenTheModelsMeanWhenItIsKnownAndTheDrawnMeanOtherwise() {
    Outcome drawn = Simulator.run(BRANCH, MONDAY, ONE_DESK, ARRIVALS).get(1);
    Outcome model = Simulator.run(BRANCH, MONDAY, ONE_DESK, ARRIVALS, Map.of("a", 250.0)).get(1);
    assertThat(drawn.ql()).isEqualTo(200.0);
    assertThat(model.ql()).isEqualTo(250.0);
    // The path itself does not change: called when the first is done.
    assertThat(drawn.called()).isEqualTo(100.0);
    assertThat(model.called()).isEqualTo(100.0);
    assertThat(model.estimate()).isEqualTo(drawn.estimate());
  }
}
