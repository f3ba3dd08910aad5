package dk.queue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.BranchFixture;
import dk.queue.core.domain.BranchMachine;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Channel;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Decision;
import dk.queue.core.domain.Recorded;
import dk.queue.core.json.JsonMapping;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node's feed of one branch on a real Vert.x event bus: events published out of order, twice or
 * with one missing reach its subscribers in seq order, a gap that does not close is healed from
 * the owner's state, and subscribers that resume get what they missed.
 */
class BranchFeedTest {
  Vertx vertx;
  Context context;
  BranchState owner;
  final List<Recorded> events = new ArrayList<>();
  final AtomicReference<BranchState> ownerNow = new AtomicReference<>();
  final AtomicInteger stateReads = new AtomicInteger();
  BranchFeed feed;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    owner = ((Decision.Accepted) BranchMachine.decide(BranchState.initial(BranchFixture.def(), LocalDate.of(2026, 11, 25)),
        new Command.OpenDesk(BranchFixture.NOON, "d1", "anna", Set.of("pas"), List.of("pas")))).state();
    ownerNow.set(owner);
    feed = new BranchFeed("main", context, () -> {
      stateReads.incrementAndGet();
      return Future.succeededFuture(ownerNow.get());
    });
    Future.<Void>future(p -> context.runOnContext(v -> feed.start().onComplete(p)))
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    for (int i = 1; i <= 6; i++) {
      Decision.Accepted a = (Decision.Accepted) BranchMachine.decide(owner,
          new Command.IssueTicket(BranchFixture.NOON.plusSeconds(i), "main-t" + i, "pas", Channel.KIOSK, "da"));
      owner = a.state();
      events.addAll(a.events());
    }
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private void publish(Recorded r) {
    vertx.eventBus().publish(Addresses.branchEvents("main"), JsonMapping.encode(r));
  }

  private BlockingQueue<Update> subscribe(long afterSeq) {
    BlockingQueue<Update> got = new LinkedBlockingQueue<>();
    feed.subscribe(afterSeq, got::add);
    return got;
  }

  private static Update next(BlockingQueue<Update> q) throws InterruptedException {
    Update u = q.poll(5, TimeUnit.SECONDS);
    assertThat(u).as("an update within 5 s").isNotNull();
    return u;
  }

  private long seq(int event) {
    return events.get(event).seq();
  }

  @Test
  void reorderedAndRepeatedEventsArriveOnceInSeqOrder() throws Exception {
    BlockingQueue<Update> got = subscribe(-1);
    assertThat(next(got).isSnapshot()).isTrue();
    publish(events.get(1));
    publish(events.get(0));
    publish(events.get(0));
    publish(events.get(2));
    publish(events.get(1));
    for (int i = 0; i < 3; i++) {
      Update u = next(got);
      assertThat(u.event()).isEqualTo(events.get(i));
      assertThat(u.state().seq()).isEqualTo(seq(i));
    }
    assertThat(got.poll(GAP, TimeUnit.MILLISECONDS)).isNull();
  }

  static final long GAP = BranchFeed.GAP_WAIT_MS * 3;

  @Test
  void aGapThatDoesNotCloseIsHealedFromTheOwnersState() throws Exception {
    BlockingQueue<Update> got = subscribe(-1);
    next(got);
    int readsBefore = stateReads.get();
    publish(events.get(0));
    assertThat(next(got).seq()).isEqualTo(seq(0));
    // Event 2 is lost; 3 arrives and waits; the owner has moved on to 3 meanwhile.
    BranchState s = ownerNow.get();
    for (Recorded r : events.subList(0, 3)) {
      s = s.apply(r);
    }
    ownerNow.set(s);
    publish(events.get(2));
    Update healed = next(got);
    assertThat(healed.isSnapshot()).isTrue();
    assertThat(healed.seq()).isEqualTo(seq(2));
    assertThat(stateReads.get()).isEqualTo(readsBefore + 1);
    publish(events.get(3));
    assertThat(next(got).event()).isEqualTo(events.get(3));
  }

  @Test
  void subscribersResumeWithWhatTheyMissedOrNothingWhenUpToDate() throws Exception {
    BlockingQueue<Update> first = subscribe(-1);
    next(first);
    for (int i = 0; i < 4; i++) {
      publish(events.get(i));
      next(first);
    }
    BlockingQueue<Update> upToDate = subscribe(seq(3));
    BlockingQueue<Update> behind = subscribe(seq(1));
    assertThat(next(behind).event()).isEqualTo(events.get(2));
    assertThat(next(behind).event()).isEqualTo(events.get(3));
    assertThat(upToDate.poll(GAP, TimeUnit.MILLISECONDS)).isNull();
    BlockingQueue<Update> tooOld = subscribe(0);
    Update snapshot = next(tooOld);
    assertThat(snapshot.isSnapshot()).isTrue();
    assertThat(snapshot.seq()).isEqualTo(seq(3));
    publish(events.get(4));
    assertThat(next(upToDate).event()).isEqualTo(events.get(4));
  }

  @Test
  void aFeedThatCouldNotOpenIsOpenedAgainForTheNextSubscriber() throws Exception {
    AtomicInteger opened = new AtomicInteger();
    FeedSet<String> feeds = new FeedSet<>(branch -> opened.incrementAndGet() == 1
        ? Future.failedFuture("consumer not registered") : Future.succeededFuture(branch + "-feed"));
    assertThat(feeds.get("main").failed()).isTrue();
    assertThat(feeds.get("main").result()).isEqualTo("main-feed");
    assertThat(feeds.get("main").result()).isEqualTo("main-feed");
    assertThat(opened.get()).isEqualTo(2);
  }
}
