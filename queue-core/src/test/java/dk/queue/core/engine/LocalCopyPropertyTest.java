package dk.queue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.BranchFixture;
import dk.queue.core.domain.BranchMachine;
import dk.queue.core.domain.BranchMachinePropertyTest;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Decision;
import dk.queue.core.domain.Recorded;
import dk.queue.core.views.BranchViews;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For random command sequences on the owner, the views a node builds from its own copy (applying
 * the events it receives, some dropped, some twice, many out of order, and resynchronising from the
 * owner's state when a gap does not close) equal the views computed from the owner's state.
 */
class LocalCopyPropertyTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 99, 2026})
  void theNodesViewsEqualTheOwnersAfterLostAndReorderedEvents(long seed) {
    Random random = new Random(seed);
    BranchState owner = BranchState.initial(BranchFixture.def(), LocalDate.of(2026, 11, 25));
    LocalCopy copy = new LocalCopy("main");
    copy.resync(owner);
    List<Recorded> inFlight = new ArrayList<>();
    Instant now = BranchFixture.NOON;
    int stuck = 0;
    int compared = 0;
    int resyncs = 0;
    long delivered = copy.seq();
    for (int step = 0; step < 3000; step++) {
      now = now.plusSeconds(random.nextInt(random.nextInt(80) == 0 ? 6 * 3600 : 200));
      Command c = BranchMachinePropertyTest.randomCommand(random, owner, now, "main-" + step);
      if (BranchMachine.decide(owner, c) instanceof Decision.Accepted a) {
        owner = a.state();
        for (Recorded r : a.events()) {
          int fate = random.nextInt(20);
          if (fate != 0) {
            inFlight.add(r); // one in twenty is lost
          }
          if (fate == 1) {
            inFlight.add(r); // and one in twenty comes twice
          }
        }
      }
      // The network hands over some of what is in flight, in any order.
      Collections.shuffle(inFlight, random);
      int n = random.nextInt(inFlight.size() + 1);
      for (Recorded r : new ArrayList<>(inFlight.subList(0, n))) {
        for (Update u : copy.offer(r)) {
          assertThat(u.seq()).as("updates in seq order").isEqualTo(++delivered);
        }
      }
      inFlight.subList(0, n).clear();
      // The feed's gap timer: a gap that stays open for a while is closed from the owner's state.
      stuck = copy.waiting() ? stuck + 1 : 0;
      if (stuck > 3 || (inFlight.isEmpty() && copy.seq() < owner.seq() && random.nextInt(4) == 0)) {
        for (Update u : copy.resync(owner)) {
          delivered = u.seq();
        }
        stuck = 0;
        resyncs++;
      }
      if (copy.seq() == owner.seq()) {
        assertSameViews(copy.state(), owner, now);
        compared++;
      }
    }
    for (Recorded r : inFlight) {
      copy.offer(r);
    }
    copy.resync(owner);
    assertSameViews(copy.state(), owner, now);
    assertThat(compared).isGreaterThan(300);
    assertThat(resyncs).isGreaterThan(10);
  }

  private static void assertSameViews(BranchState node, BranchState owner, Instant now) {
    assertThat(BranchViews.publicView(node, now)).isEqualTo(BranchViews.publicView(owner, now));
    assertThat(BranchViews.staff(node, now, null)).isEqualTo(BranchViews.staff(owner, now, null));
    for (String desk : List.of("d1", "d2", "d3")) {
      assertThat(BranchViews.staff(node, now, desk)).isEqualTo(BranchViews.staff(owner, now, desk));
    }
    for (String id : owner.tickets().keySet()) {
      assertThat(BranchViews.ticket(node, id, now)).isEqualTo(BranchViews.ticket(owner, id, now));
    }
  }
}
