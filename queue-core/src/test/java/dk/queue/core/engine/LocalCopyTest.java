package dk.queue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.BranchFixture;
import dk.queue.core.domain.BranchMachine;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Channel;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Decision;
import dk.queue.core.domain.Recorded;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A node's copy of a branch under events that come late, twice, out of order, or not at all. */
class LocalCopyTest {
  BranchState base;
  BranchState owner;
  List<Recorded> events;
  LocalCopy copy;

  @BeforeEach
  void fiveTickets() {
    base = ((Decision.Accepted) BranchMachine.decide(BranchState.initial(BranchFixture.def(), LocalDate.of(2026, 11, 25)),
        new Command.OpenDesk(BranchFixture.NOON, "d1", "anna", Set.of("pas"), List.of("pas")))).state();
    owner = base;
    copy = new LocalCopy("main");
    copy.resync(owner);
    events = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      Decision.Accepted a = (Decision.Accepted) BranchMachine.decide(owner,
          new Command.IssueTicket(BranchFixture.NOON.plusSeconds(i), "main-t" + i, "pas", Channel.KIOSK, "da"));
      owner = a.state();
      events.addAll(a.events());
    }
  }

  private static List<Long> seqs(List<Update> updates) {
    return updates.stream().map(Update::seq).toList();
  }

  @Test
  void eventsInOrderAreAppliedOneByOne() {
    for (Recorded r : events) {
      List<Update> out = copy.offer(r);
      assertThat(out).singleElement().satisfies(u -> {
        assertThat(u.event()).isEqualTo(r);
        assertThat(u.state().seq()).isEqualTo(r.seq());
      });
    }
    assertThat(copy.state()).isEqualTo(owner.withOutbox(List.of()));
  }

  @Test
  void anEarlyEventWaitsForTheOnesBeforeIt() {
    assertThat(copy.offer(events.get(2))).isEmpty();
    assertThat(copy.offer(events.get(1))).isEmpty();
    assertThat(copy.waiting()).isTrue();
    assertThat(seqs(copy.offer(events.get(0)))).containsExactly(events.get(0).seq(), events.get(1).seq(), events.get(2).seq());
    assertThat(copy.waiting()).isFalse();
  }

  @Test
  void duplicatesChangeNothing() {
    copy.offer(events.get(0));
    copy.offer(events.get(1));
    assertThat(copy.offer(events.get(0))).isEmpty();
    assertThat(copy.offer(events.get(1))).isEmpty();
    copy.offer(events.get(3));
    assertThat(copy.offer(events.get(3))).isEmpty();
    assertThat(copy.seq()).isEqualTo(events.get(1).seq());
  }

  @Test
  void aGapIsClosedByTheOwnersStateAndLaterEventsFollowIt() {
    copy.offer(events.get(0));
    copy.offer(events.get(2));
    assertThat(copy.waiting()).isTrue();
    BranchState atThree = replay(3);
    List<Update> out = copy.resync(atThree);
    assertThat(out).hasSize(1);
    assertThat(out.get(0).isSnapshot()).isTrue();
    assertThat(out.get(0).seq()).isEqualTo(events.get(2).seq());
    assertThat(copy.waiting()).as("the early event is older than the state: dropped").isFalse();
    assertThat(copy.offer(events.get(3))).singleElement().satisfies(u -> assertThat(u.event()).isEqualTo(events.get(3)));
  }

  @Test
  void aResyncKeepsEarlyEventsThatContinueTheState() {
    copy.offer(events.get(4));
    List<Update> out = copy.resync(replay(4));
    assertThat(seqs(out)).containsExactly(events.get(3).seq(), events.get(4).seq());
    assertThat(out.get(0).isSnapshot()).isTrue();
    assertThat(out.get(1).event()).isEqualTo(events.get(4));
  }

  @Test
  void anOlderStateThanTheCopyIsIgnored() {
    events.forEach(copy::offer);
    assertThat(copy.resync(replay(2))).isEmpty();
    assertThat(copy.seq()).isEqualTo(owner.seq());
  }

  @Test
  void beforeTheFirstStateEventsOnlyWait() {
    LocalCopy fresh = new LocalCopy("main");
    assertThat(fresh.offer(events.get(3))).isEmpty();
    assertThat(fresh.state()).isNull();
    assertThat(seqs(fresh.resync(replay(3)))).containsExactly(events.get(2).seq(), events.get(3).seq());
  }

  private BranchState replay(int upto) {
    BranchState s = base;
    for (Recorded r : events.subList(0, upto)) {
      s = s.apply(r);
    }
    return s;
  }
}
