package dk.queue.core.domain;

import static dk.queue.core.domain.Rejection.Reason.DESK_BUSY;
import static dk.queue.core.domain.Rejection.Reason.NOTHING_TO_UNDO;
import static dk.queue.core.domain.Rejection.Reason.NOT_DESK_SERVICE;
import static dk.queue.core.domain.Rejection.Reason.TICKET_FINISHED;
import static dk.queue.core.domain.Rejection.Reason.TICKET_NOT_WAITING;
import static dk.queue.core.domain.Rejection.Reason.UNKNOWN_TICKET;
import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.stats.Statistics;
import dk.queue.core.stats.StatsRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calling a chosen ticket, and taking back a no-show or a done, at the desk. */
class DeskWorkTest {
  final BranchFixture f = new BranchFixture();
  final List<Recorded> log = new ArrayList<>();

  void given(Command c) {
    log.addAll(f.given(c));
  }

  Command.CallTicket call(String desk, String staff, String ticket) {
    return new Command.CallTicket(f.now, desk, staff, ticket);
  }

  String issue(String service) {
    String t = f.nextId();
    given(new Command.IssueTicket(f.now, t, service, Channel.KIOSK, "da"));
    return t;
  }

  /** Desk d1 open for passports, by anna, with a new passport ticket called to it: its id. */
  String calledAtD1() {
    given(new Command.OpenDesk(f.now, "d1", "anna", BranchFixture.ALL, List.of("pas")));
    String t = issue("pas");
    given(new Command.CallNext(f.now, "d1", "anna"));
    return t;
  }

  StatsRow total(String service) {
    return Statistics.compute(f.state.def(), f.state.day(), f.state.day(), log).totals().stream()
        .filter(r -> r.service().equals(service)).findFirst().orElseThrow();
  }

  @Test
  void callingAChosenTicketIsRecordedAsOutOfTurnWithDeskAndStaff() {
    given(new Command.OpenDesk(f.now, "d1", "anna", BranchFixture.ALL, List.of("pas", "lib")));
    String first = issue("pas");
    String second = issue("pas");
    given(call("d1", "anna", second));
    assertThat(f.events()).startsWith(new Event.TicketCalled(second, "d1", "P002", "pas"),
        new Event.CalledOutOfTurn(second, "d1", "anna"));
    assertThat(f.state.desks().get("d1").current()).isEqualTo(second);
    assertThat(f.state.queue("pas")).containsExactly(first);
    assertThat(total("pas").calledOutOfTurn()).isEqualTo(1);
    given(new Command.NoShow(f.now, "d1", "anna"));
    // The one the desk was next to call anyway is in turn.
    given(call("d1", "anna", first));
    assertThat(f.events()).containsExactly(new Event.TicketCalled(first, "d1", "P001", "pas"));
    assertThat(total("pas").calledOutOfTurn()).isEqualTo(1);
  }

  @Test
  void onlyAWaitingTicketOfTheDesksServicesCanBeCalled() {
    f.open("d1", "anna", "pas");
    f.open("d2", "bo", "lib");
    String lib = f.issue("lib");
    String pas = f.issue("pas");
    f.rejected(call("d1", "anna", lib), NOT_DESK_SERVICE);
    f.rejected(call("d1", "anna", "main-nobody"), UNKNOWN_TICKET);
    f.given(call("d2", "bo", lib));
    f.rejected(call("d1", "anna", lib), TICKET_NOT_WAITING);
    f.given(call("d1", "anna", pas));
    f.rejected(call("d1", "anna", pas), DESK_BUSY);
    f.given(new Command.NoShow(f.now, "d1", "anna"));
    f.rejected(call("d1", "anna", pas), TICKET_FINISHED);
  }

  @Test
  void aNoShowTakenBackIsCalledAtTheDeskAgainAndNotCounted() {
    String t = calledAtD1();
    given(new Command.NoShow(f.now, "d1", "anna"));
    assertThat(total("pas").noShow()).isEqualTo(1);
    f.minutesLater(1);
    given(new Command.PauseDesk(f.now, "d1", "anna", null));
    f.rejected(new Command.Undo(f.now, "d1", "anna"), Rejection.Reason.DESK_PAUSED);
    given(new Command.ResumeDesk(f.now, "d1", "anna"));
    given(new Command.Undo(f.now, "d1", "anna"));
    assertThat(f.events()).containsExactly(new Event.TicketReopened(t, "d1"));
    assertThat(f.ticket(t).state()).isEqualTo(TicketState.CALLED);
    assertThat(f.state.desks().get("d1").current()).isEqualTo(t);
    assertThat(total("pas").noShow()).isZero();
    f.rejected(new Command.Undo(f.now, "d1", "anna"), DESK_BUSY);
  }

  @Test
  void aDoneTakenBackIsServedAgainUntilTwoMinutesHavePassed() {
    String t = calledAtD1();
    given(new Command.StartService(f.now, "d1", "anna"));
    f.minutesLater(5);
    given(new Command.FinishService(f.now, "d1", "anna", "served"));
    assertThat(f.state.handling("pas").served()).isEqualTo(1);
    given(new Command.Undo(f.now, "d1", "anna"));
    assertThat(f.ticket(t).state()).isEqualTo(TicketState.SERVING);
    assertThat(f.state.handling("pas")).isEqualTo(HandlingStats.NONE);
    assertThat(total("pas").served()).isZero();
    given(new Command.FinishService(f.now, "d1", "anna", "served"));
    f.minutesLater(3);
    f.rejected(new Command.Undo(f.now, "d1", "anna"), NOTHING_TO_UNDO);
    f.rejected(new Command.Undo(f.now, "d2", "anna"), Rejection.Reason.DESK_CLOSED);
    assertThat(total("pas").served()).isEqualTo(1);
    assertThat(total("pas").serviceSeconds().count()).isEqualTo(1);
  }
}
