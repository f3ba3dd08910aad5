package dk.queue.core.domain;

import static dk.queue.core.domain.Rejection.Reason.INVALID;
import static dk.queue.core.domain.Rejection.Reason.NOT_YOUR_DESK;
import static dk.queue.core.domain.Rejection.Reason.QUEUE_FULL;
import static dk.queue.core.domain.Rejection.Reason.SERVICE_UNAVAILABLE;
import static dk.queue.core.domain.Rejection.Reason.TICKET_NOT_WAITING;
import static dk.queue.core.domain.Rejection.Reason.UNKNOWN_SERVICE;
import static dk.queue.core.domain.Rejection.Reason.UNKNOWN_TICKET;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Moving tickets to another branch: recorded out, taken in once, confirmed; refused where it cannot go. */
class MovesTest {
  final BranchFixture source = new BranchFixture();
  final BranchFixture dest = new BranchFixture();

  MovesTest() {
    BranchDef d = BranchFixture.def();
    dest.state = BranchState.initial(new BranchDef("north", "Nordby", d.zone(), d.services(), d.desks(), 3,
        d.closedDays()), LocalDate.of(2026, 11, 25));
  }

  private Command move(MoveRequest r) {
    return new Command.Move(source.now, r);
  }

  /** What the relay does for one waiting move: the destination takes it in, the source records it done. */
  private String relay(Moves.Move m) {
    dest.given(new Command.Move(dest.now, new MoveRequest.In(m.newTicket(), m.toService(), "main", m.ticket(),
        m.issuedAt(), m.language())));
    String number = dest.ticket(m.newTicket()).number();
    source.given(move(new MoveRequest.Confirm(m.ticket(), number)));
    return number;
  }

  @Test
  void closingTheLastDeskMovesThoseWaitingOutInTheOrderTheyTookTheirTickets() {
    source.open("d1", "anna", "pas", "lib");
    String a = source.issue("lib");
    source.minutesLater(1);
    String b = source.issue("pas");
    source.minutesLater(1);
    String c = source.issue("lib");
    source.when(new Command.CloseDesk(source.now, "d1", "anna", WaitingChoice.moveTo("north", "lib")));
    List<Event> events = source.events();
    assertThat(events.subList(0, 3)).containsExactly(
        new Event.Moved(new MoveEvent.Out(a, "lib", "north", "lib", Moves.newId("north", a))),
        new Event.Moved(new MoveEvent.Out(b, "pas", "north", "lib", Moves.newId("north", b))),
        new Event.Moved(new MoveEvent.Out(c, "lib", "north", "lib", Moves.newId("north", c))));
    assertThat(events).contains(new Event.DeskClosed("d1"));
    assertThat(source.state.tickets()).isEmpty();
    assertThat(source.ticket(a).state()).isEqualTo(TicketState.CANCELLED);
    assertThat(source.ticket(a).outcome()).isEqualTo(Moves.MOVED);
    assertThat(Moves.pending(source.state)).extracting(Moves.Move::ticket).containsExactly(a, b, c);
    assertThat(Moves.newId("north", a)).startsWith("north-").hasSize("north-".length() + 16)
        .isEqualTo(Moves.newId("north", a)).isNotEqualTo(Moves.newId("north", b));
  }

  @Test
  void theDestinationTakesEachInOnceByTheTimeItWasFirstIssuedAndTheSourceRecordsItDone() {
    source.open("d1", "anna", "pas");
    String a = source.issue("pas");
    source.minutesLater(2);
    String b = source.issue("pas");
    dest.now = source.at(1);
    dest.open("d1", "eva", "lib");
    String local = dest.issue("lib");
    source.given(new Command.CloseDesk(source.now, "d1", "anna", WaitingChoice.moveTo("north", "lib")));
    List<Moves.Move> pending = Moves.pending(source.state);
    dest.now = source.now;
    assertThat(relay(pending.get(0))).isEqualTo("L002");
    // The same In again (the source's owner died before it recorded the confirmation): nothing new.
    BranchState before = dest.state;
    dest.given(new Command.Move(dest.now, new MoveRequest.In(pending.get(0).newTicket(), "lib", "main", a,
        pending.get(0).issuedAt(), "da")));
    assertThat(dest.lastEvents).isEmpty();
    assertThat(dest.state.tickets()).isEqualTo(before.tickets());
    assertThat(relay(pending.get(1))).isEqualTo("L003");
    assertThat(dest.state.queue("lib")).containsExactly(pending.get(0).newTicket(), local, pending.get(1).newTicket());
    assertThat(dest.ticket(pending.get(1).newTicket()).issuedAt()).isEqualTo(source.ticket(b).issuedAt());
    assertThat(Moves.pending(source.state)).isEmpty();
    assertThat(source.state.moves().get(a).newNumber()).isEqualTo("L002");
    // Confirmed again: nothing; unknown: refused.
    source.given(move(new MoveRequest.Confirm(a, "L002")));
    assertThat(source.lastEvents).isEmpty();
    source.rejected(move(new MoveRequest.Confirm("main-zz", "L009")), UNKNOWN_TICKET);
    dest.rejected(new Command.Move(dest.now, new MoveRequest.In("north-x", "zzz", "main", "main-x", source.now, "da")),
        UNKNOWN_SERVICE);
  }

  @Test
  void theDestinationRefusesWhenClosedByAppointmentOnlyOrFull() {
    assertThat(Moves.refusal(dest.state, "lib", 1, dest.now)).get().extracting(Rejection::reason)
        .isEqualTo(SERVICE_UNAVAILABLE);
    dest.open("d1", "eva", "lib", "wed");
    assertThat(Moves.refusal(dest.state, "lib", 1, dest.now)).isEmpty();
    assertThat(Moves.refusal(dest.state, "wed", 1, dest.now)).get().extracting(Rejection::reason)
        .isEqualTo(SERVICE_UNAVAILABLE);
    assertThat(Moves.refusal(dest.state, "zzz", 1, dest.now)).get().extracting(Rejection::reason)
        .isEqualTo(UNKNOWN_SERVICE);
    dest.issue("lib");
    assertThat(Moves.refusal(dest.state, "lib", 2, dest.now)).isEmpty();
    assertThat(Moves.refusal(dest.state, "lib", 3, dest.now)).get().extracting(Rejection::reason).isEqualTo(QUEUE_FULL);
  }

  @Test
  void aDeskMovesAWaitingTicketOrTheOneItCalledButNotOneBeingServed() {
    source.open("d1", "anna", "pas");
    source.open("d2", "bo", "pas");
    String called = source.issue("pas");
    String waiting = source.issue("pas");
    String served = source.issue("pas");
    assertThat(source.callNext("d1", "anna")).isEqualTo(called);
    source.rejected(move(new MoveRequest.OfTicket("d1", "bo", waiting, "north", "lib")), NOT_YOUR_DESK);
    source.rejected(move(new MoveRequest.OfTicket("d1", "anna", waiting, "main", "lib")), INVALID);
    source.rejected(move(new MoveRequest.OfTicket("d2", "bo", called, "north", "lib")), TICKET_NOT_WAITING);
    source.given(move(new MoveRequest.OfTicket("d1", "anna", called, "north", "lib")));
    assertThat(source.state.desks().get("d1").current()).isNull();
    source.given(move(new MoveRequest.OfTicket("d2", "bo", waiting, "north", "lib")));
    source.callNext("d2", "bo");
    source.given(new Command.StartService(source.now, "d2", "bo"));
    source.rejected(move(new MoveRequest.OfTicket("d2", "bo", served, "north", "lib")), TICKET_NOT_WAITING);
    assertThat(Moves.pending(source.state)).extracting(Moves.Move::ticket).containsExactly(called, waiting);
  }

  @Test
  void aNewDayKeepsTheMovesStillWaitingAndForgetsTheDoneOnes() {
    source.open("d1", "anna", "pas");
    String a = source.issue("pas");
    String b = source.issue("pas");
    source.given(new Command.CloseDesk(source.now, "d1", "anna", WaitingChoice.moveTo("north", "lib")));
    source.given(move(new MoveRequest.Confirm(a, "L001")));
    source.now = source.now.plusSeconds(24 * 3600);
    source.given(new Command.Tick(source.now));
    assertThat(source.state.moves().keySet()).containsExactly(b);
  }
}
