package dk.queue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.Channel;
import dk.queue.core.domain.Event;
import dk.queue.core.domain.Recorded;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link EventStore} promises; run against each implementation by a subclass. */
abstract class EventStoreContract {
  static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
  EventStore store;

  /** A new, empty store. */
  abstract EventStore create() throws Exception;

  /** The same store as {@link #create} made, opened again after {@code close}. */
  abstract EventStore reopen() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = create();
  }

  @AfterEach
  void closeStore() throws Exception {
    store.close();
  }

  static Recorded issued(String branch, long seq, Instant at) {
    return new Recorded(branch, seq, at, new Event.TicketIssued(branch + "-t" + seq, "pas", "P" + seq, Channel.KIOSK, "da"));
  }

  static Recorded dayStarted(String branch, long seq, Instant at) {
    return new Recorded(branch, seq, at, new Event.DayStarted(LocalDate.ofInstant(at, java.time.ZoneOffset.UTC)));
  }

  static List<Recorded> issued(String branch, long from, long to, Instant start) {
    List<Recorded> out = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      out.add(issued(branch, s, start.plusSeconds(s)));
    }
    return out;
  }

  static List<Long> seqs(List<Recorded> events) {
    return events.stream().map(Recorded::seq).toList();
  }

  @Test
  void appendedEventsComeBackInOrderAndEqual() throws Exception {
    List<Recorded> events = issued("main", 1, 5, T0);
    store.append("main", events);
    assertThat(store.currentDay("main")).isEqualTo(events);
  }

  @Test
  void aRepeatedOrOverlappingAppendStoresEachEventOnce() throws Exception {
    store.append("main", issued("main", 1, 3, T0));
    store.append("main", issued("main", 1, 3, T0));
    store.append("main", issued("main", 2, 6, T0));
    assertThat(seqs(store.currentDay("main"))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void theCurrentDayStartsAtTheLatestDayStarted() throws Exception {
    List<Recorded> log = new ArrayList<>();
    log.add(dayStarted("main", 1, T0));
    log.addAll(issued("main", 2, 4, T0));
    log.add(dayStarted("main", 5, T0.plusSeconds(86_400)));
    log.addAll(issued("main", 6, 7, T0.plusSeconds(86_400)));
    store.append("main", log);
    assertThat(seqs(store.currentDay("main"))).containsExactly(5L, 6L, 7L);
  }

  @Test
  void branchesAreKeptApart() throws Exception {
    store.append("main", issued("main", 1, 3, T0));
    store.append("vest", issued("vest", 1, 2, T0));
    assertThat(seqs(store.currentDay("main"))).containsExactly(1L, 2L, 3L);
    assertThat(store.currentDay("vest")).allMatch(r -> r.branch().equals("vest")).hasSize(2);
    assertThat(store.currentDay("nowhere")).isEmpty();
  }

  @Test
  void betweenGivesTheEventsOfATimeRangeWithTheEndExcluded() throws Exception {
    store.append("main", issued("main", 1, 10, T0));
    List<Recorded> some = store.between("main", T0.plusSeconds(3), T0.plusSeconds(7));
    assertThat(seqs(some)).containsExactly(3L, 4L, 5L, 6L);
  }

  @Test
  void deleteBeforeRemovesOnlyOlderEventsAndTheSeqGoesOn() throws Exception {
    store.append("main", issued("main", 1, 10, T0));
    store.append("vest", issued("vest", 1, 10, T0));
    assertThat(store.deleteBefore("main", T0.plusSeconds(6))).isEqualTo(5);
    assertThat(seqs(store.currentDay("main"))).containsExactly(6L, 7L, 8L, 9L, 10L);
    assertThat(store.currentDay("vest")).hasSize(10);
    store.append("main", issued("main", 10, 11, T0));
    assertThat(seqs(store.currentDay("main"))).containsExactly(6L, 7L, 8L, 9L, 10L, 11L);
    assertThat(store.deleteBefore("main", T0)).isZero();
  }

  @Test
  void whatWasAppendedSurvivesClosingAndOpeningAgain() throws Exception {
    store.append("main", issued("main", 1, 4, T0));
    store.close();
    store = reopen();
    store.append("main", issued("main", 3, 6, T0));
    assertThat(seqs(store.currentDay("main"))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void aWorkingStorePassesItsCheck() throws Exception {
    store.check();
  }
}
