package dk.queue.core.domain;

import static dk.queue.core.domain.Rejection.Reason.DESK_BUSY;
import static dk.queue.core.domain.Rejection.Reason.DESK_CLOSED;
import static dk.queue.core.domain.Rejection.Reason.NOT_SKILLED;
import static dk.queue.core.domain.Rejection.Reason.NOT_YOUR_DESK;
import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.Command.Supervise.Action;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A desk its staff left without closing pauses, then closes by itself; a supervisor may act on any desk. */
class DeskLifecycleTest {
  final BranchFixture f = new BranchFixture();

  Command.SignOut signOut(String desk, String staff, int closeInMinutes) {
    return new Command.SignOut(f.now, desk, staff, f.now.plusSeconds(60L * closeInMinutes));
  }

  @Test
  void signingOutPausesAtOnceAndTheServicesAreNoLongerAvailable() {
    f.open("d1", "anna", "pas");
    assertThat(f.state.available()).contains("pas");
    f.given(signOut("d1", "anna", 10));
    assertThat(f.events()).startsWith(new Event.DeskSignedOut("d1", f.now.plusSeconds(600)));
    Desk d = f.state.desks().get("d1");
    assertThat(d.mode()).isEqualTo(Desk.Mode.PAUSED);
    assertThat(d.pauseReason()).isEqualTo(Desk.SIGNED_OUT);
    assertThat(f.state.available()).doesNotContain("pas");
    assertThat(DeskLifecycle.nextClosing(f.state)).contains(f.now.plusSeconds(600));
  }

  @Test
  void aDeskLeftSignedOutClosesWithTheFirstCommandAtOrAfterItsTime() {
    f.open("d1", "anna", "pas");
    f.given(signOut("d1", "anna", 10));
    f.minutesLater(9).given(new Command.Tick(f.now));
    assertThat(f.state.desks().get("d1").mode()).isEqualTo(Desk.Mode.PAUSED);
    f.minutesLater(1).given(new Command.Tick(f.now));
    assertThat(f.events()).containsExactly(new Event.DeskClosed("d1"));
    assertThat(f.state.desks().get("d1").mode()).isEqualTo(Desk.Mode.CLOSED);
    assertThat(DeskLifecycle.nextClosing(f.state)).isEmpty();
  }

  @Test
  void resumingOrReopeningKeepsTheDeskOpen() {
    f.open("d1", "anna", "pas");
    f.given(signOut("d1", "anna", 10));
    f.given(new Command.ResumeDesk(f.now, "d1", "anna"));
    assertThat(f.state.desks().get("d1").closesAt()).isNull();
    f.minutesLater(20).given(new Command.Tick(f.now));
    assertThat(f.state.desks().get("d1").mode()).isEqualTo(Desk.Mode.OPEN);
  }

  @Test
  void aDeskWithACitizenAtItWaitsForASupervisorInsteadOfClosing() {
    f.open("d1", "anna", "pas");
    f.issue("pas");
    String called = f.callNext("d1", "anna");
    f.given(signOut("d1", "anna", 1));
    f.minutesLater(5).given(new Command.Tick(f.now));
    assertThat(f.state.desks().get("d1").current()).isEqualTo(called);
    assertThat(DeskLifecycle.nextClosing(f.state)).isEmpty();
    f.given(new Command.Supervise(f.now, "d1", "eva", Action.TAKE_OVER, null, BranchFixture.ALL));
    assertThat(f.state.desks().get("d1").staff()).isEqualTo("eva");
    assertThat(f.state.desks().get("d1").mode()).as("worked again").isEqualTo(Desk.Mode.OPEN);
    f.given(new Command.NoShow(f.now, "d1", "eva"));
    f.given(new Command.Supervise(f.now, "d1", "eva", Action.CLOSE, null, BranchFixture.ALL));
    assertThat(f.state.desks().get("d1").mode()).isEqualTo(Desk.Mode.CLOSED);
  }

  @Test
  void onlyTheStaffAtTheDeskSignOutFromIt() {
    f.rejected(signOut("d1", "anna", 10), DESK_CLOSED);
    f.open("d1", "anna", "pas");
    f.rejected(signOut("d1", "bo", 10), NOT_YOUR_DESK);
  }

  @Test
  void aSupervisorPausesClosesOrTakesOverAnotherStaffMembersDesk() {
    Instant t = f.now;
    f.open("d1", "anna", "pas", "lib");
    f.given(new Command.Supervise(t, "d1", "eva", Action.PAUSE, "meeting", BranchFixture.ALL));
    assertThat(f.events()).startsWith(new Event.DeskPaused("d1", "meeting"));
    f.rejected(new Command.Supervise(t, "d1", "eva", Action.TAKE_OVER, null, Set.of("pen")), NOT_SKILLED);
    f.given(new Command.Supervise(t, "d1", "eva", Action.TAKE_OVER, null, Set.of("lib")));
    assertThat(f.events()).containsExactly(new Event.DeskTakenOver("d1", "eva", java.util.List.of("lib")));
    Desk d = f.state.desks().get("d1");
    assertThat(d.staff()).isEqualTo("eva");
    assertThat(d.mode()).isEqualTo(Desk.Mode.PAUSED);
    f.given(new Command.ResumeDesk(t, "d1", "eva"));
    f.issue("lib");
    f.callNext("d1", "eva");
    f.rejected(new Command.Supervise(t, "d1", "dora", Action.CLOSE, null, BranchFixture.ALL), DESK_BUSY);
    f.rejected(new Command.Supervise(t, "d2", "dora", Action.CLOSE, null, BranchFixture.ALL), DESK_CLOSED);
  }
}
