package dk.queue.core.views;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.BranchFixture;
import dk.queue.core.domain.BranchMachine;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Channel;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Decision;
import dk.queue.core.domain.Ticket;
import dk.queue.core.json.JsonMapping;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each audience's view: what it holds, what it never holds, and that its size does not grow with the queue. */
class BranchViewsTest {
  static final Instant NOON = BranchFixture.NOON;

  static BranchState run(BranchState s, Command c) {
    Decision d = BranchMachine.decide(s, c);
    assertThat(d).isInstanceOf(Decision.Accepted.class);
    return ((Decision.Accepted) d).state();
  }

  /** A busy branch: three desks open (one calling, one serving, one paused), {@code waiting} tickets in two queues. */
  static BranchState busy(int waiting) {
    dk.queue.core.domain.BranchDef d = BranchFixture.def();
    // Past the default cap on the number waiting per service, so that a crowded branch can be built.
    d = new dk.queue.core.domain.BranchDef(d.id(), d.name(), d.zone(), d.services(), d.desks(), 10_000);
    BranchState s = BranchState.initial(d, LocalDate.of(2026, 11, 25));
    s = run(s, new Command.OpenDesk(NOON, "d1", "anna", BranchFixture.ALL, List.of("pas", "lib")));
    s = run(s, new Command.OpenDesk(NOON, "d2", "bo", BranchFixture.ALL, List.of("lib")));
    s = run(s, new Command.OpenDesk(NOON, "d3", "carl", BranchFixture.ALL, List.of("pas")));
    for (int i = 0; i < waiting + 14; i++) {
      s = run(s, new Command.IssueTicket(NOON.plusMillis(i), "main-" + i, i % 3 == 0 ? "lib" : "pas", Channel.KIOSK, "da"));
    }
    for (int i = 0; i < 12; i++) {
      String desk = i % 2 == 0 ? "d1" : "d2";
      String staff = i % 2 == 0 ? "anna" : "bo";
      s = run(s, new Command.CallNext(NOON.plusSeconds(60 + i), desk, staff));
      s = run(s, new Command.NoShow(NOON.plusSeconds(60 + i), desk, staff));
    }
    s = run(s, new Command.CallNext(NOON.plusSeconds(100), "d1", "anna"));
    s = run(s, new Command.CallNext(NOON.plusSeconds(100), "d3", "carl"));
    s = run(s, new Command.StartService(NOON.plusSeconds(110), "d3", "carl"));
    return run(s, new Command.PauseDesk(NOON.plusSeconds(120), "d2", "bo", "lunch"));
  }

  @Test
  void thePublicViewHoldsNoTicketIdNoStaffAndNoWaitingList() {
    BranchState s = busy(30);
    String json = JsonMapping.encode(BranchViews.publicView(s, NOON.plusSeconds(200)));
    assertThat(json).doesNotContain("main-").doesNotContain("anna").doesNotContain("\"bo\"")
        .doesNotContain("carl").doesNotContain("lunch").doesNotContain("\"waiting\":[");
    assertThat(json).contains("\"state\":\"calling\"").contains("\"state\":\"serving\"").contains("\"state\":\"paused\"");
  }

  @Test
  void theStaffViewAddsWhoIsWhereAndTheWaitingListInTheDesksCallOrder() {
    BranchState s = busy(30);
    Instant now = NOON.plusSeconds(200);
    BranchView staff = BranchViews.staff(s, now, "d1");
    assertThat(staff.desks().get(0).staff()).isEqualTo("anna");
    assertThat(staff.desks().get(1).pauseReason()).isEqualTo("lunch");
    assertThat(staff.desks().get(0).current().id()).startsWith("main-");
    assertThat(staff.waiting()).hasSize(BranchViews.STAFF_WAITING);
    // d1 serves pas before lib, and nothing is overdue yet: every pas ticket first, in queue order.
    List<String> ids = staff.waiting().stream().map(BranchView.WaitingView::id).toList();
    assertThat(ids).isEqualTo(s.queue("pas").subList(0, BranchViews.STAFF_WAITING));
    // Past lib's target (5 min) its oldest ticket comes first.
    Instant late = NOON.plusSeconds(400);
    assertThat(BranchViews.staff(s, late, "d1").waiting().get(0).id()).isEqualTo(s.queue("lib").get(0));
    assertThat(dk.queue.core.domain.CallPolicy.order(s, List.of("pas", "lib"), late, 1).get(0))
        .isEqualTo(dk.queue.core.domain.CallPolicy.next(s, List.of("pas", "lib"), late).orElseThrow());
  }

  @Test
  void aPublicFrameIsAsSmallWith5000WaitingAsWith5() {
    Instant now = NOON.plusSeconds(200);
    int few = JsonMapping.encode(BranchViews.publicView(busy(5), now)).getBytes(StandardCharsets.UTF_8).length;
    BranchState crowded = busy(5000);
    assertThat(crowded.tickets().values().stream().filter(t -> t.state().active()).count()).isGreaterThan(5000);
    int many = JsonMapping.encode(BranchViews.publicView(crowded, now)).getBytes(StandardCharsets.UTF_8).length;
    int staff = JsonMapping.encode(BranchViews.staff(crowded, now, "d1")).getBytes(StandardCharsets.UTF_8).length;
    System.out.printf("public view: %d bytes with 5 waiting, %d bytes with 5,000 waiting; staff view %d bytes%n",
        few, many, staff);
    assertThat(many).isLessThanOrEqualTo(2560).isBetween(few - 32, few + 32);
    assertThat(staff).isLessThan(8 * 1024);
  }

  @Test
  void theTicketHoldersViewHasItsPlaceAndEstimate() {
    BranchState s = busy(30);
    Ticket third = s.tickets().get(s.queue("pas").get(2));
    TicketView v = BranchViews.ticket(s, third.id(), NOON.plusSeconds(200)).orElseThrow();
    assertThat(v.position()).isEqualTo(3);
    assertThat(v.estimatedWaitSeconds()).isNotNull();
    assertThat(v.state()).isEqualTo("waiting");
    assertThat(BranchViews.ticket(s, "main-nope", NOON)).isEmpty();
  }
}
