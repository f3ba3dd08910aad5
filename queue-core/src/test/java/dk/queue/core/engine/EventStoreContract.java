package dk.queue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.Channel;
import dk.queue.core.domain.Event;
import dk.queue.core.domain.Recorded;
import dk.queue.core.json.JsonMapping;
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

  /** Puts one stored event of the main branch in the store's own form, bypassing the mapping (the store is closed). */
  abstract void storeRaw(long seq, String json) throws Exception;

  /** What the store set aside for the main branch, in its own form. */
  abstract List<String> setAsideRaw() throws Exception;

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
  void fieldsThisReleaseDoesNotKnowAreIgnored() throws Exception {
    store.append("main", issued("main", 1, 1, T0));
    store.close();
    String fromANewerRelease = JsonMapping.encode(issued("main", 2, T0))
        .replace("\"service\":", "\"priority\":3,\"service\":").replace("\"seq\":", "\"origin\":\"n2\",\"seq\":");
    storeRaw(2, fromANewerRelease);
    store = reopen();
    assertThat(store.currentDay("main")).containsExactly(issued("main", 1, T0.plusSeconds(1)), issued("main", 2, T0));
    assertThat(store.setAside()).isEmpty();
  }

  @Test
  void anEventThatCannotBeReadIsSetAsideOnceAndTheEventsAfterItAreKept() throws Exception {
    store.append("main", issued("main", 1, 3, T0));
    store.close();
    String unreadable = "{\"branch\":\"main\",\"seq\":4,\"at\":\"2026-11-24T08:00:04Z\",\"event\":{\"type\":\"TicketTeleported\"}}";
    storeRaw(4, unreadable);
    store = reopen();
    store.append("main", issued("main", 5, 6, T0));
    assertThat(seqs(store.currentDay("main"))).containsExactly(1L, 2L, 3L, 5L, 6L);
    assertThat(store.setAside()).containsExactly(java.util.Map.entry("main", 1L));
    assertThat(setAsideRaw()).singleElement().asString().contains("TicketTeleported");

    store.close();
    store = reopen();
    assertThat(seqs(store.currentDay("main"))).containsExactly(1L, 2L, 3L, 5L, 6L);
    assertThat(store.setAside()).as("set aside once, not on every read").isEmpty();
    assertThat(setAsideRaw()).hasSize(1);
  }

  @Test
  void anEventOfAStoredSeqThatDiffersIsFoundAsDiverging() throws Exception {
    store.append("main", issued("main", 1, 3, T0));
    Recorded other = new Recorded("main", 2, T0.plusSeconds(2), new Event.TicketCancelled("main-t1", "citizen"));
    List<Recorded> offered = List.of(issued("main", 1, T0.plusSeconds(1)), other, issued("main", 3, T0.plusSeconds(3)),
        issued("main", 4, T0.plusSeconds(4)));
    assertThat(store.diverging("main", offered)).containsExactly(other);
    store.append("main", offered);
    assertThat(store.currentDay("main").get(1)).as("append keeps what was stored").isEqualTo(issued("main", 2, T0.plusSeconds(2)));
    assertThat(store.diverging("main", issued("main", 1, 4, T0))).isEmpty();
  }

  @Test
  void aConfigurationChangeComesBackEqual() throws Exception {
    Recorded change = new Recorded("main", 1, T0, new Event.ConfigChanged(
        dk.queue.core.node.TestConfig.create().branch("main").orElseThrow()));
    store.append("main", List.of(change));
    store.close();
    store = reopen();
    assertThat(store.currentDay("main")).containsExactly(change);
  }

  @Test
  void aWorkingStorePassesItsCheck() throws Exception {
    store.check();
  }
}
