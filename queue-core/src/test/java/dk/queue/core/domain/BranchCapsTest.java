package dk.queue.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What is capped, and that a command's cost does not grow with the queue or the outbox. */
class BranchCapsTest {
  private final BranchFixture f = new BranchFixture();

  private static BranchDef capped(int maxWaiting) {
    BranchDef d = BranchFixture.def();
    return new BranchDef(d.id(), d.name(), d.zone(), d.services(), d.desks(), maxWaiting);
  }

  @Test
  void aTicketPastTheWaitingCapOfItsServiceIsRefusedAsQueueFull() {
    f.state = BranchState.initial(capped(3), LocalDate.of(2026, 11, 25));
    f.open("d1", "anna", "pas", "lib");
    f.issue("pas");
    f.issue("pas");
    f.issue("pas");
    f.rejected(f.issueCommand("pas"), Rejection.Reason.QUEUE_FULL);
    // the cap is per service, and a called ticket no longer waits
    f.issue("lib");
    f.callNext("d1", "anna");
    assertThat(f.ticket(f.issue("pas")).number()).isEqualTo("P004");
  }

  @Test
  void theDefaultCapIs999WaitingPerService() {
    assertThat(BranchFixture.def().maxWaitingPerService()).isEqualTo(999);
    f.open("d1", "anna", "pas");
    for (int i = 0; i < 999; i++) {
      f.issue("pas");
    }
    f.rejected(f.issueCommand("pas"), Rejection.Reason.QUEUE_FULL);
  }

  @Test
  void aFullOutboxRefusesCommandsUntilTheStoreTakesEvents() {
    f.open("d1", "anna", "pas");
    List<Recorded> backlog = new ArrayList<>(f.state.outbox());
    long seq = f.state.seq();
    while (backlog.size() < BranchMachine.OUTBOX_LIMIT) {
      backlog.add(new Recorded("main", ++seq, f.now, new Event.DeskResumed("d1")));
    }
    BranchState full = f.state.withOutbox(backlog);
    f.state = new BranchState(full.def(), seq, full.day(), full.lastNumber(), full.tickets(), full.queues(),
        full.desks(), full.recentCalls(), full.handling(), full.available(), full.finished(), full.issuedByHour(),
        full.outbox());
    f.rejected(f.issueCommand("pas"), Rejection.Reason.OUTBOX_FULL);
    f.state = f.state.acknowledged(seq - 10);
    assertThat(f.state.outbox()).hasSize(10);
    f.issue("pas");
    assertThat(f.state.outbox()).hasSize(11);
    assertThat(f.state.outbox().get(10).seq()).isEqualTo(seq + 1);
  }

  @Test
  void acknowledgingKeepsTheEventsAfterTheStoredSeqInOrder() {
    f.open("d1", "anna", "pas");
    f.issue("pas");
    f.issue("pas");
    assertThat(f.state.acknowledged(0).outbox()).extracting(Recorded::seq).containsExactly(1L, 2L, 3L, 4L);
    assertThat(f.state.acknowledged(3).outbox()).extracting(Recorded::seq).containsExactly(4L);
    assertThat(f.state.acknowledged(99).outbox()).isEmpty();
  }

  /**
   * Bytes allocated by one issue and one call-next on a branch with 5,000 waiting and 20,000 events
   * in its outbox, against the same on a branch with 50 waiting: a command that copied the queue,
   * the tickets or the outbox would allocate a hundred times more.
   */
  @Test
  void aCommandAllocatesAboutAsMuchWithThousandsWaitingAsWithFew() {
    long small = allocatedPerCommand(50, 0);
    long large = allocatedPerCommand(5_000, 20_000);
    assertThat(large).as("bytes per command at 5,000 waiting vs %d at 50", small).isLessThan(3 * small);
  }

  private long allocatedPerCommand(int waiting, int backlog) {
    BranchFixture b = new BranchFixture();
    b.state = BranchState.initial(capped(100_000), LocalDate.of(2026, 11, 25));
    b.open("d1", "anna", "pas", "lib");
    for (int i = 0; i < waiting; i++) {
      b.issue(i % 2 == 0 ? "pas" : "lib");
    }
    List<Recorded> outbox = new ArrayList<>(b.state.outbox());
    for (int i = outbox.size(); i < backlog; i++) {
      outbox.add(outbox.get(outbox.size() - 1));
    }
    b.state = b.state.withOutbox(outbox);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    BranchState start = b.state;
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 30; round++) {
      b.state = start;
      long before = threads.getCurrentThreadAllocatedBytes();
      b.issue("pas");
      b.callNext("d1", "anna");
      b.given(new Command.StartService(b.now, "d1", "anna"));
      b.given(new Command.FinishService(b.now, "d1", "anna", "served"));
      best = Math.min(best, threads.getCurrentThreadAllocatedBytes() - before);
    }
    return best / 4;
  }
}
