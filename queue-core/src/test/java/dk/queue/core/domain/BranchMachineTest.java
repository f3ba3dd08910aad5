package dk.queue.core.domain;

import static dk.queue.core.domain.Rejection.Reason.ALREADY_SERVING;
import static dk.queue.core.domain.Rejection.Reason.DESK_BUSY;
import static dk.queue.core.domain.Rejection.Reason.DESK_CLOSED;
import static dk.queue.core.domain.Rejection.Reason.DESK_NOT_PAUSED;
import static dk.queue.core.domain.Rejection.Reason.DESK_OCCUPIED;
import static dk.queue.core.domain.Rejection.Reason.DESK_PAUSED;
import static dk.queue.core.domain.Rejection.Reason.INVALID;
import static dk.queue.core.domain.Rejection.Reason.NOT_SERVING;
import static dk.queue.core.domain.Rejection.Reason.NOT_SKILLED;
import static dk.queue.core.domain.Rejection.Reason.NOT_YOUR_DESK;
import static dk.queue.core.domain.Rejection.Reason.NO_CURRENT_TICKET;
import static dk.queue.core.domain.Rejection.Reason.SERVICE_UNAVAILABLE;
import static dk.queue.core.domain.Rejection.Reason.TICKET_FINISHED;
import static dk.queue.core.domain.Rejection.Reason.TICKET_IN_SERVICE;
import static dk.queue.core.domain.Rejection.Reason.UNKNOWN_DESK;
import static dk.queue.core.domain.Rejection.Reason.UNKNOWN_SERVICE;
import static dk.queue.core.domain.Rejection.Reason.UNKNOWN_TICKET;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command in every state it can meet: the events it yields or the rejection it gets. */
class BranchMachineTest {
  final BranchFixture f = new BranchFixture();

  /** Every command that acts on a desk, made for a desk and a staff member. */
  static Stream<Arguments> deskCommands() {
    Instant t = BranchFixture.NOON;
    List<BiFunction<String, String, Command>> all = List.of(
        (d, s) -> new Command.PauseDesk(t, d, s, null),
        (d, s) -> new Command.ResumeDesk(t, d, s),
        (d, s) -> new Command.CloseDesk(t, d, s),
        (d, s) -> new Command.CallNext(t, d, s),
        (d, s) -> new Command.Recall(t, d, s),
        (d, s) -> new Command.StartService(t, d, s),
        (d, s) -> new Command.FinishService(t, d, s, null),
        (d, s) -> new Command.NoShow(t, d, s),
        (d, s) -> new Command.Transfer(t, d, s, "lib", Placement.LAST));
    return all.stream().map(c -> Arguments.of(c.apply("x", "y").getClass().getSimpleName(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deskCommands")
  void deskCommandsRefuseUnknownClosedAndOtherStaffsDesks(String name, BiFunction<String, String, Command> command) {
    f.rejected(command.apply("d9", "anna"), UNKNOWN_DESK);
    f.rejected(command.apply("d1", "anna"), DESK_CLOSED);
    f.open("d1", "anna", "pas");
    f.rejected(command.apply("d1", "bo"), NOT_YOUR_DESK);
  }

  @Nested
  class IssueTicket {
    @Test
    void issuesLetterPlusThreeDigitsPerService() {
      f.open("d1", "anna", "pas", "lib");
      f.issue("pas");
      f.issue("lib");
      String third = f.issue("pas");
      // Told at issue: the idle desk takes the first pas (pas before lib there), then the third
      // waits one pas service, 300 s as configured.
      assertThat(f.events()).containsExactly(new Event.TicketIssued(third, "pas", "P002", Channel.KIOSK, "da", 300L));
      assertThat(f.lastEvents.get(0).seq()).isEqualTo(f.state.seq());
      assertThat(f.ticket(third).state()).isEqualTo(TicketState.WAITING);
      assertThat(f.state.queue("pas")).hasSize(2).endsWith(third);
    }

    @Test
    void refusesUnknownServiceAndReusedOrMissingIds() {
      f.open("d1", "anna", "pas");
      f.rejected(f.issueCommand("moon"), UNKNOWN_SERVICE);
      String id = f.issue("pas");
      f.rejected(new Command.IssueTicket(f.now, id, "lib", Channel.KIOSK, "da"), INVALID);
      f.rejected(new Command.IssueTicket(f.now, " ", "pas", Channel.KIOSK, "da"), INVALID);
    }

    @Test
    void theSameIssueAgainIsDoneAlready() {
      f.open("d1", "anna", "pas");
      Command.IssueTicket c = f.issueCommand("pas");
      f.given(c);
      long seq = f.state.seq();
      f.when(c);
      assertThat(f.lastEvents).isEmpty();
      assertThat(f.state.seq()).isEqualTo(seq);
      assertThat(f.state.queue("pas")).containsExactly(c.ticketId());
      // Sent again later by a client with the same idempotency key: still the same ticket.
      f.when(new Command.IssueTicket(c.at().plusSeconds(5), c.ticketId(), "pas", Channel.KIOSK, "da"));
      assertThat(f.lastEvents).isEmpty();
      assertThat(f.state.seq()).isEqualTo(seq);
    }

    @Test
    void refusesServiceNobodyServesNow() {
      f.rejected(f.issueCommand("pas"), SERVICE_UNAVAILABLE);
      f.open("d1", "anna", "lib");
      f.rejected(f.issueCommand("pas"), SERVICE_UNAVAILABLE);
      f.given(new Command.PauseDesk(f.now, "d1", "anna", "lunch"));
      f.rejected(f.issueCommand("lib"), SERVICE_UNAVAILABLE);
    }

    @Test
    void refusesServiceOutsideItsHoursAndByAppointment() {
      f.open("d1", "anna", "pen", "wed");
      f.now = f.at(4 * 60); // 16:00, pension closed at 15:00
      f.rejected(f.issueCommand("pen"), SERVICE_UNAVAILABLE);
      f.rejected(f.issueCommand("wed"), SERVICE_UNAVAILABLE);
      f.now = f.at(0);
      f.issue("pen");
    }
  }

  @Nested
  class CancelTicket {
    @Test
    void waitingTicketLeavesItsQueue() {
      f.open("d1", "anna", "pas");
      String id = f.issue("pas");
      f.given(new Command.CancelTicket(f.now, id));
      assertThat(f.events()).containsExactly(new Event.TicketCancelled(id, "citizen", "pas"));
      assertThat(f.state.queue("pas")).isEmpty();
      assertThat(f.ticket(id).state()).isEqualTo(TicketState.CANCELLED);
    }

    @Test
    void calledTicketFreesTheDesk() {
      f.open("d1", "anna", "pas");
      String id = f.issue("pas");
      f.callNext("d1", "anna");
      f.given(new Command.CancelTicket(f.now, id));
      assertThat(f.state.desks().get("d1").current()).isNull();
      assertThat(dk.queue.core.views.BranchViews.status(f.state, f.state.desks().get("d1"))).isEqualTo(DeskStatus.OPEN);
    }

    @Test
    void refusesUnknownServingAndEndedTickets() {
      f.open("d1", "anna", "pas");
      f.rejected(new Command.CancelTicket(f.now, "main-nope"), UNKNOWN_TICKET);
      String id = f.issue("pas");
      f.callNext("d1", "anna");
      f.given(new Command.StartService(f.now, "d1", "anna"));
      f.rejected(new Command.CancelTicket(f.now, id), TICKET_IN_SERVICE);
      f.given(new Command.FinishService(f.now, "d1", "anna", "served"));
      f.rejected(new Command.CancelTicket(f.now, id), TICKET_FINISHED);
    }
  }

  @Nested
  class OpenDesk {
    @Test
    void openingMakesItsServicesAvailable() {
      f.given(new Command.OpenDesk(f.now, "d1", "anna", BranchFixture.ALL, List.of("lib", "pas")));
      assertThat(f.events()).containsExactly(new Event.DeskOpened("d1", "anna", List.of("lib", "pas")),
          new Event.AvailabilityChanged(List.of("pas", "lib")));
      assertThat(f.state.available()).containsExactly("pas", "lib");
    }

    @Test
    void sameStaffMayChangeTheServicesAndLeavePause() {
      f.open("d1", "anna", "pas");
      f.given(new Command.PauseDesk(f.now, "d1", "anna", null));
      f.open("d1", "anna", "lib");
      assertThat(f.state.desks().get("d1").mode()).isEqualTo(Desk.Mode.OPEN);
      assertThat(f.state.desks().get("d1").services()).containsExactly("lib");
      assertThat(f.state.available()).containsExactly("lib");
    }

    @Test
    void refusesWhatStaffCannotOrMayNotOpen() {
      f.rejected(new Command.OpenDesk(f.now, "d9", "anna", BranchFixture.ALL, List.of("pas")), UNKNOWN_DESK);
      f.rejected(new Command.OpenDesk(f.now, "d1", "anna", BranchFixture.ALL, List.of()), INVALID);
      f.rejected(new Command.OpenDesk(f.now, "d1", "anna", BranchFixture.ALL, List.of("pas", "pas")), INVALID);
      f.rejected(new Command.OpenDesk(f.now, "d1", "anna", BranchFixture.ALL, List.of("moon")), UNKNOWN_SERVICE);
      f.rejected(new Command.OpenDesk(f.now, "d1", "bo", Set.of("lib"), List.of("lib", "pas")), NOT_SKILLED);
      f.open("d1", "anna", "pas");
      f.rejected(new Command.OpenDesk(f.now, "d1", "bo", Set.of("lib"), List.of("lib")), DESK_OCCUPIED);
    }
  }

  @Nested
  class PauseResumeClose {
    @Test
    void pauseAndResumeFollowAvailability() {
      f.open("d1", "anna", "pas");
      f.given(new Command.PauseDesk(f.now, "d1", "anna", "frokost"));
      assertThat(f.events()).containsExactly(new Event.DeskPaused("d1", "frokost"), new Event.AvailabilityChanged(List.of()));
      assertThat(dk.queue.core.views.BranchViews.status(f.state, f.state.desks().get("d1"))).isEqualTo(DeskStatus.PAUSED);
      f.rejected(new Command.PauseDesk(f.now, "d1", "anna", null), DESK_PAUSED);
      f.rejected(f.call("d1", "anna"), DESK_PAUSED);
      f.given(new Command.ResumeDesk(f.now, "d1", "anna"));
      assertThat(f.events()).containsExactly(new Event.DeskResumed("d1"), new Event.AvailabilityChanged(List.of("pas")));
      f.rejected(new Command.ResumeDesk(f.now, "d1", "anna"), DESK_NOT_PAUSED);
    }

    @Test
    void deskWithACurrentTicketCannotPauseOrClose() {
      f.open("d1", "anna", "pas");
      f.issue("pas");
      f.callNext("d1", "anna");
      f.rejected(new Command.PauseDesk(f.now, "d1", "anna", null), DESK_BUSY);
      f.rejected(new Command.CloseDesk(f.now, "d1", "anna"), DESK_BUSY);
    }

    @Test
    void closingFromOpenOrPausedEndsAvailability() {
      f.open("d1", "anna", "pas");
      f.open("d2", "bo", "pas");
      f.given(new Command.CloseDesk(f.now, "d1", "anna"));
      assertThat(f.events()).containsExactly(new Event.DeskClosed("d1"));
      f.given(new Command.PauseDesk(f.now, "d2", "bo", null));
      f.given(new Command.CloseDesk(f.now, "d2", "bo"));
      assertThat(f.events()).containsExactly(new Event.DeskClosed("d2"));
      assertThat(f.state.available()).isEmpty();
      assertThat(f.state.desks().get("d2").staff()).isNull();
    }
  }

  @Nested
  class CallNext {
    @Test
    void callsOldestOfFirstPriorityService() {
      f.open("d1", "anna", "lib", "pas");
      String pas = f.issue("pas");
      f.minutesLater(1);
      String lib1 = f.issue("lib");
      f.issue("lib");
      Ticket called = f.ticket(f.callNext("d1", "anna"));
      assertThat(called.id()).isEqualTo(lib1);
      assertThat(f.events()).containsExactly(new Event.TicketCalled(lib1, "d1", "L001", "lib"));
      assertThat(called.state()).isEqualTo(TicketState.CALLED);
      assertThat(called.desk()).isEqualTo("d1");
      assertThat(f.state.recentCalls().get(0).number()).isEqualTo("L001");
      assertThat(f.state.queue("pas")).containsExactly(pas);
      assertThat(dk.queue.core.views.BranchViews.status(f.state, f.state.desks().get("d1"))).isEqualTo(DeskStatus.CALLING);
    }

    @Test
    void overdueTicketGoesAheadOfHigherPriority() {
      f.open("d1", "anna", "lib", "pas");
      String pas = f.issue("pas");
      f.minutesLater(11); // passport target is 10 minutes
      f.issue("lib");
      assertThat(f.callNext("d1", "anna")).isEqualTo(pas);
    }

    @Test
    void amongOverdueTicketsThePriorityOrderDecides() {
      f.open("d1", "anna", "pas", "lib");
      f.issue("lib");
      f.minutesLater(1);
      String pas = f.issue("pas");
      f.minutesLater(11); // both past target
      assertThat(f.callNext("d1", "anna")).isEqualTo(pas);
    }

    @Test
    void nobodyWaitingIsAcceptedWithoutEvents() {
      f.open("d1", "anna", "pas");
      f.issue("pas");
      f.callNext("d1", "anna");
      f.given(new Command.NoShow(f.now, "d1", "anna"));
      long seq = f.state.seq();
      Decision d = f.when(f.call("d1", "anna"));
      assertThat(d).isInstanceOf(Decision.Accepted.class);
      assertThat(f.lastEvents).isEmpty();
      assertThat(f.state.seq()).isEqualTo(seq);
    }

    @Test
    void busyDeskCannotCallAgain() {
      f.open("d1", "anna", "pas");
      f.issue("pas");
      f.issue("pas");
      f.callNext("d1", "anna");
      f.rejected(f.call("d1", "anna"), DESK_BUSY);
    }

    @Test
    void twoDesksNeverGetTheSameTicket() {
      f.open("d1", "anna", "pas");
      f.open("d2", "bo", "pas");
      String a = f.issue("pas");
      String b = f.issue("pas");
      assertThat(f.callNext("d1", "anna")).isEqualTo(a);
      assertThat(f.callNext("d2", "bo")).isEqualTo(b);
      f.given(new Command.NoShow(f.now, "d1", "anna"));
      f.when(f.call("d1", "anna"));
      assertThat(f.lastEvents).isEmpty();
    }
  }

  @Nested
  class AtTheDesk {
    String id;

    void called() {
      f.open("d1", "anna", "pas", "lib");
      id = f.issue("pas");
      f.callNext("d1", "anna");
    }

    @Test
    void withoutTicketNothingCanBeDoneToIt() {
      f.open("d1", "anna", "pas");
      f.rejected(new Command.Recall(f.now, "d1", "anna"), NO_CURRENT_TICKET);
      f.rejected(new Command.StartService(f.now, "d1", "anna"), NO_CURRENT_TICKET);
      f.rejected(new Command.FinishService(f.now, "d1", "anna", null), NO_CURRENT_TICKET);
      f.rejected(new Command.NoShow(f.now, "d1", "anna"), NO_CURRENT_TICKET);
      f.rejected(new Command.Transfer(f.now, "d1", "anna", "lib", Placement.LAST), NO_CURRENT_TICKET);
    }

    @Test
    void recallAnnouncesAgain() {
      called();
      f.minutesLater(1);
      f.given(new Command.Recall(f.now, "d1", "anna"));
      assertThat(f.events()).containsExactly(new Event.TicketRecalled(id, "d1", "P001", "pas"));
      assertThat(f.state.recentCalls()).hasSize(1);
      assertThat(f.state.recentCalls().get(0).calledAt()).isEqualTo(f.now);
    }

    @Test
    void startThenDoneWithOutcomeAndMeasuredTime() {
      called();
      f.rejected(new Command.FinishService(f.now, "d1", "anna", null), NOT_SERVING);
      f.given(new Command.StartService(f.now, "d1", "anna"));
      assertThat(f.events()).containsExactly(new Event.ServiceStarted(id, "d1"));
      assertThat(dk.queue.core.views.BranchViews.status(f.state, f.state.desks().get("d1"))).isEqualTo(DeskStatus.SERVING);
      f.rejected(new Command.StartService(f.now, "d1", "anna"), ALREADY_SERVING);
      f.rejected(new Command.Recall(f.now, "d1", "anna"), ALREADY_SERVING);
      f.rejected(new Command.NoShow(f.now, "d1", "anna"), ALREADY_SERVING);
      f.minutesLater(7);
      f.given(new Command.FinishService(f.now, "d1", "anna", "served"));
      assertThat(f.events()).containsExactly(new Event.TicketDone(id, "d1", "served"));
      assertThat(f.ticket(id).state()).isEqualTo(TicketState.DONE);
      assertThat(f.ticket(id).outcome()).isEqualTo("served");
      assertThat(f.state.desks().get("d1").current()).isNull();
      assertThat(f.state.handling("pas")).isEqualTo(new HandlingStats(1, 7 * 60, 0, 0));
    }

    @Test
    void noShowEndsTheTicket() {
      called();
      f.given(new Command.NoShow(f.now, "d1", "anna"));
      assertThat(f.events()).containsExactly(new Event.TicketNoShow(id, "d1"));
      assertThat(f.ticket(id).state()).isEqualTo(TicketState.NO_SHOW);
      assertThat(f.state.tickets()).doesNotContainKey(id);
    }

    @Test
    void transferKeepsTheNumberAndFollowsPlacement() {
      f.open("d2", "bo", "lib");
      f.open("d1", "anna", "pas", "lib");
      f.issue("lib");
      f.minutesLater(1);
      called();
      f.minutesLater(1);
      String last = f.issue("lib");
      f.given(new Command.Transfer(f.now, "d1", "anna", "lib", Placement.BY_ISSUE_TIME));
      assertThat(f.events()).containsExactly(new Event.TicketTransferred(id, "d1", "pas", "lib", Placement.BY_ISSUE_TIME));
      assertThat(f.ticket(id).number()).isEqualTo("P001");
      assertThat(f.ticket(id).state()).isEqualTo(TicketState.WAITING);
      assertThat(f.state.queue("lib")).hasSize(3).element(1).isEqualTo(id);
      assertThat(f.state.queue("lib").get(2)).isEqualTo(last);
      assertThat(f.state.desks().get("d1").current()).isNull();
    }

    @Test
    void transferFirstAndLast() {
      called();
      f.issue("lib");
      f.given(new Command.Transfer(f.now, "d1", "anna", "lib", Placement.FIRST));
      assertThat(f.state.queue("lib").get(0)).isEqualTo(id);
      f.callNext("d1", "anna"); // pas first, but the queue of pas is empty: it calls from lib, the transferred one
      assertThat(f.state.desks().get("d1").current()).isEqualTo(id);
      f.given(new Command.StartService(f.now, "d1", "anna"));
      f.given(new Command.Transfer(f.now, "d1", "anna", "lib", Placement.LAST));
      assertThat(f.state.queue("lib")).last().isEqualTo(id);
    }

    @Test
    void transferRefusesUnknownUnavailableOrMissingPlacement() {
      called();
      f.rejected(new Command.Transfer(f.now, "d1", "anna", "moon", Placement.LAST), UNKNOWN_SERVICE);
      f.rejected(new Command.Transfer(f.now, "d1", "anna", "lib", null), INVALID);
      f.rejected(new Command.Transfer(f.now, "d1", "anna", "pen", Placement.LAST), SERVICE_UNAVAILABLE);
    }
  }

  @Nested
  class TimePasses {
    @Test
    void tickWithoutChangeYieldsNothing() {
      f.open("d1", "anna", "pas");
      f.when(new Command.Tick(f.now.plusSeconds(60)));
      assertThat(f.lastEvents).isEmpty();
    }

    @Test
    void availabilityFollowsOpeningHours() {
      f.open("d1", "anna", "pas", "pen");
      assertThat(f.state.available()).containsExactly("pas", "pen");
      f.when(new Command.Tick(f.at(3 * 60))); // 15:00 pension closes
      assertThat(f.events()).containsExactly(new Event.AvailabilityChanged(List.of("pas")));
    }

    @Test
    void newLocalDayExpiresLeftoversClosesDesksAndRestartsNumbering() {
      f.open("d1", "anna", "pas");
      String waiting = f.issue("pas");
      String called = f.issue("pas");
      f.given(new Command.CancelTicket(f.now, waiting));
      String stillWaiting = f.issue("pas");
      f.callNext("d1", "anna");
      // 23:30 UTC on 25 November is 00:30 on the 26th in Copenhagen.
      Instant afterMidnight = Instant.parse("2026-11-25T23:30:00Z");
      f.when(new Command.Tick(afterMidnight));
      assertThat(f.events()).containsExactly(
          new Event.TicketCancelled(called, "expired", "pas"),
          new Event.TicketCancelled(stillWaiting, "expired", "pas"),
          new Event.DeskClosed("d1"),
          new Event.DayStarted(java.time.LocalDate.of(2026, 11, 26)),
          new Event.AvailabilityChanged(List.of()));
      assertThat(f.state.tickets()).isEmpty();
      assertThat(f.state.recentCalls()).isEmpty();
      f.now = afterMidnight;
      f.open("d1", "anna", "pas");
      String first = f.issue("pas");
      assertThat(f.ticket(first).number()).isEqualTo("P001");
    }

    @Test
    void sameLocalDayKeepsNumbering() {
      f.open("d1", "anna", "pas");
      f.issue("pas");
      f.now = Instant.parse("2026-11-25T22:59:00Z"); // 23:59 local
      assertThat(f.ticket(f.issue("pas")).number()).isEqualTo("P002");
    }
  }

  @Test
  void rejectedCommandBeforeANewDayChangesNothingAtAll() {
    f.open("d1", "anna", "pas");
    f.issue("pas");
    BranchState before = f.state;
    Decision d = BranchMachine.decide(before, new Command.IssueTicket(Instant.parse("2026-11-26T08:00:00Z"), "x", "moon",
        Channel.KIOSK, "da"));
    assertThat(d).isInstanceOf(Decision.Rejected.class);
    assertThat(f.state).isSameAs(before);
  }

  @Test
  void acceptedEventsAreNumberedOnAndKeptInTheOutbox() {
    f.open("d1", "anna", "pas");
    f.issue("pas");
    List<Recorded> outbox = f.state.outbox();
    assertThat(outbox).extracting(Recorded::seq).containsExactly(1L, 2L, 3L);
    assertThat(outbox).allMatch(r -> r.branch().equals("main"));
    assertThat(f.state.acknowledged(2).outbox()).extracting(Recorded::seq).containsExactly(3L);
  }
}
