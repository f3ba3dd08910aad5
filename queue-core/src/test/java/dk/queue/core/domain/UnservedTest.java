package dk.queue.core.domain;

import static dk.queue.core.domain.Rejection.Reason.INVALID;
import static dk.queue.core.domain.Rejection.Reason.SERVICE_UNAVAILABLE;
import static dk.queue.core.domain.Rejection.Reason.UNKNOWN_SERVICE;
import static dk.queue.core.domain.Rejection.Reason.WOULD_LEAVE_WAITING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Closing or pausing the last desk of a service with citizens waiting: asked first, then as chosen. */
class UnservedTest {
  final BranchFixture f = new BranchFixture();

  @Test
  void closingOrPausingTheLastDeskOfAServiceWithCitizensWaitingIsRefusedWithoutAChoice() {
    f.open("d1", "anna", "pas", "lib");
    f.issue("pas");
    f.issue("pas");
    f.issue("lib");
    assertThat(Unserved.leftBehind(f.state, "d1"))
        .containsExactly(new Unserved.Left("pas", 2), new Unserved.Left("lib", 1));
    f.rejected(new Command.CloseDesk(f.now, "d1", "anna"), WOULD_LEAVE_WAITING);
    f.rejected(new Command.PauseDesk(f.now, "d1", "anna", null), WOULD_LEAVE_WAITING);
    f.rejected(new Command.Supervise(f.now, "d1", "boss", Command.Supervise.Action.CLOSE, null, Set.of()),
        WOULD_LEAVE_WAITING);
    assertThat(Unserved.nobodyServes(f.state, "pas")).isFalse();
  }

  @Test
  void aDeskThatIsNotTheLastOrLeavesNobodyWaitingClosesAsBefore() {
    f.open("d1", "anna", "pas");
    f.open("d2", "bo", "pas");
    f.issue("pas");
    assertThat(Unserved.leftBehind(f.state, "d1")).isEmpty();
    f.when(new Command.CloseDesk(f.now, "d1", "anna"));
    assertThat(f.events()).contains(new Event.DeskClosed("d1"));
    f.open("d3", "cy", "lib");
    f.issue("lib");
    f.when(new Command.PauseDesk(f.now, "d3", "cy", null, WaitingChoice.keep()));
    assertThat(f.events()).startsWith(new Event.DeskPaused("d3", null));
    // a paused desk serves nobody: closing it changes nothing more for those waiting
    f.when(new Command.CloseDesk(f.now, "d3", "cy"));
    assertThat(f.events()).startsWith(new Event.DeskClosed("d3"));
  }

  @Test
  void keepWaitingClosesTheDeskAndTheCitizensAreToldNobodyServesThem() {
    f.open("d1", "anna", "pas");
    String a = f.issue("pas");
    f.when(new Command.CloseDesk(f.now, "d1", "anna", WaitingChoice.keep()));
    assertThat(f.events()).startsWith(new Event.DeskClosed("d1"));
    assertThat(f.ticket(a).state()).isEqualTo(TicketState.WAITING);
    assertThat(Unserved.nobodyServes(f.state, "pas")).isTrue();
    assertThat(Unserved.nobodyServes(f.state, f.ticket(a))).isTrue();
    assertThat(Unserved.nobodyServes(f.state, "lib")).as("nobody waits for it").isFalse();
  }

  @Test
  void moveSendsEveryoneLeftBehindToAnotherServedServiceInTheOrderTheyWereIssued() {
    f.open("d1", "anna", "pas");
    f.open("d2", "bo", "lib");
    String p1 = f.issue("pas");
    f.minutesLater(1);
    String l1 = f.issue("lib");
    f.minutesLater(1);
    String p2 = f.issue("pas");
    f.when(new Command.PauseDesk(f.now, "d1", "anna", "lunch", WaitingChoice.moveTo("lib")));
    assertThat(f.events()).startsWith(
        new Event.TicketTransferred(p1, "d1", "pas", "lib", Placement.BY_ISSUE_TIME),
        new Event.TicketTransferred(p2, "d1", "pas", "lib", Placement.BY_ISSUE_TIME),
        new Event.DeskPaused("d1", "lunch"));
    assertThat(f.state.queue("pas")).isEmpty();
    assertThat(f.state.queue("lib")).containsExactly(p1, l1, p2);
    assertThat(f.ticket(p1).movedFrom()).isEqualTo("pas");
    assertThat(f.ticket(p1).service()).isEqualTo("lib");
    assertThat(Unserved.nobodyServes(f.state, "pas")).isFalse();
  }

  @Test
  void moveIsRefusedToAServiceNobodyElseServesOrThatDoesNotExist() {
    f.open("d1", "anna", "pas", "lib");
    f.issue("pas");
    f.rejected(new Command.CloseDesk(f.now, "d1", "anna", WaitingChoice.moveTo("lib")), SERVICE_UNAVAILABLE);
    f.rejected(new Command.CloseDesk(f.now, "d1", "anna", WaitingChoice.moveTo("pas")), SERVICE_UNAVAILABLE);
    f.rejected(new Command.CloseDesk(f.now, "d1", "anna", WaitingChoice.moveTo("zzz")), UNKNOWN_SERVICE);
    f.rejected(new Command.CloseDesk(f.now, "d1", "anna", WaitingChoice.moveTo(null)), UNKNOWN_SERVICE);
  }

  @Test
  void endCancelsTheTicketsWithTheMessageForTheirPhones() {
    f.open("d1", "anna", "pas");
    f.open("d2", "bo", "lib");
    String p1 = f.issue("pas");
    String l1 = f.issue("lib");
    f.when(new Command.CloseDesk(f.now, "d1", "anna", WaitingChoice.end("  Kom igen i morgen kl. 10  ")));
    assertThat(f.events()).startsWith(
        new Event.TicketCancelled(p1, Unserved.WITHDRAWN, "pas", "Kom igen i morgen kl. 10"),
        new Event.DeskClosed("d1"));
    Ticket ended = f.ticket(p1);
    assertThat(ended.state()).isEqualTo(TicketState.CANCELLED);
    assertThat(ended.outcome()).isEqualTo(Unserved.WITHDRAWN);
    assertThat(ended.message()).isEqualTo("Kom igen i morgen kl. 10");
    assertThat(f.ticket(l1).state()).as("another service's ticket").isEqualTo(TicketState.WAITING);
  }

  @Test
  void endNeedsAMessageOfBoundedLength() {
    f.open("d1", "anna", "pas");
    f.issue("pas");
    f.rejected(new Command.CloseDesk(f.now, "d1", "anna", WaitingChoice.end("   ")), INVALID);
    f.rejected(new Command.CloseDesk(f.now, "d1", "anna", WaitingChoice.end(null)), INVALID);
    f.rejected(new Command.CloseDesk(f.now, "d1", "anna", WaitingChoice.end("x".repeat(WaitingChoice.MESSAGE_MAX + 1))),
        INVALID);
  }

  @Test
  void aSupervisorClosingAnotherStaffsLastDeskChoosesToo() {
    f.open("d1", "anna", "pas");
    String p1 = f.issue("pas");
    f.when(new Command.Supervise(f.now, "d1", "boss", Command.Supervise.Action.CLOSE, null, Set.of(),
        WaitingChoice.end("Lukket")));
    assertThat(f.ticket(p1).message()).isEqualTo("Lukket");
    assertThat(f.state.desks().get("d1").mode()).isEqualTo(Desk.Mode.CLOSED);
  }

  @Test
  void theChoiceReplaysToTheSameState() {
    f.open("d1", "anna", "pas");
    f.open("d2", "bo", "lib");
    f.issue("pas");
    f.issue("pas");
    BranchState before = f.state;
    f.when(new Command.CloseDesk(f.now, "d1", "anna", WaitingChoice.moveTo("lib")));
    BranchState replayed = before;
    for (Recorded r : f.lastEvents) {
      replayed = replayed.apply(r);
    }
    assertThat(replayed.queues()).isEqualTo(f.state.queues());
    assertThat(replayed.tickets()).isEqualTo(f.state.tickets());
    assertThat(List.copyOf(replayed.desks().values())).containsExactlyInAnyOrderElementsOf(f.state.desks().values());
  }
}
