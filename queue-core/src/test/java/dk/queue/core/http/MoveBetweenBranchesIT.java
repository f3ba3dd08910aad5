package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Moves;
import dk.queue.core.node.ClusterOptions;
import dk.queue.core.node.Eventually;
import dk.queue.core.node.Http.Reply;
import dk.queue.core.node.Ports;
import dk.queue.core.node.TestNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Moving citizens to another branch's queue in a cluster of three nodes in one JVM: refused with
 * nothing changed where the other branch cannot take them; and, with the moves held between their
 * two writes, the source branch's owner killed once the cluster is safe (its Hazelcast member
 * terminated at once, no migration handed over): the member that takes the branch over finishes the moves from the
 * replicated state, each citizen gets one new number, in the order they took their tickets.
 */
class MoveBetweenBranchesIT {
  static final List<TestNode> nodes = new ArrayList<>();

  @BeforeAll
  static void cluster() throws Exception {
    List<Integer> hz = List.of(Ports.free(), Ports.free(), Ports.free());
    List<String> members = hz.stream().map(p -> "127.0.0.1:" + p).toList();
    String name = "moves-" + ProcessHandle.current().pid();
    for (int port : hz) {
      nodes.add(TestNode.start(Files.createTempDirectory("queue-move"), o -> o.withCluster(
          new ClusterOptions(true, "127.0.0.1", port, members, false, 1, 1, name))));
    }
    // The owner is killed with every backup in place, as a member dies in service. Killed while the
    // partitions still migrate after the members joined, the branch's backup may not be there yet.
    Eventually.value(Duration.ofSeconds(60), () -> nodes.stream()
        .allMatch(n -> n.node.hazelcast().getPartitionService().isClusterSafe()), safe -> safe);
  }

  @AfterAll
  static void stop() throws Exception {
    for (TestNode n : nodes) {
      try {
        n.close();
      } catch (Exception e) {
        // the killed one
      }
    }
  }

  @Test
  void closingTheLastDeskMovesThoseWaitingToAnotherBranchAndTheMovesSurviveTheSourceOwnersDeath() throws Exception {
    TestNode any = nodes.get(0);
    String anna = any.login("anna");
    String carl = any.login("carl");
    assertThat(any.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\"]}", anna).status()).isEqualTo(200);
    String first = any.post("/api/branches/main/tickets", "{\"service\":\"pas\"}").body().get("id").asText();
    String second = any.post("/api/branches/main/tickets", "{\"service\":\"pas\"}").body().get("id").asText();

    // Vest has no open desk: refused, and nothing changed.
    String close = "/api/branches/main/desks/d1/close";
    Reply refused = any.post(close, "{\"waiting\":{\"choice\":\"move\",\"branch\":\"vest\",\"service\":\"lib\"}}", anna);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.error()).isEqualTo("service_unavailable");
    assertThat(any.post(close, "{\"waiting\":{\"choice\":\"move\",\"branch\":\"nowhere\",\"service\":\"lib\"}}", anna)
        .status()).isEqualTo(400);
    assertThat(any.get("/api/tickets/" + first).body().get("state").asText()).isEqualTo("waiting");
    assertThat(any.post("/api/branches/vest/desks/v1/open", "{\"services\":[\"lib\"]}", carl).status()).isEqualTo(200);
    Reply targets = any.get("/api/branches/main/move-targets", anna);
    assertThat(targets.body().toString()).contains("\"branch\":\"vest\"", "\"service\":\"lib\"").doesNotContain("\"pas\"");

    // Held between the two writes on every node: the source records the moves, vest has nothing yet.
    nodes.forEach(n -> n.node.moves().hold(true));
    Reply closed = any.post(close, "{\"waiting\":{\"choice\":\"move\",\"branch\":\"vest\",\"service\":\"lib\"}}", anna);
    assertThat(closed.status()).as(closed.text()).isEqualTo(200);
    Reply old = any.get("/api/tickets/" + first);
    assertThat(old.body().get("state").asText()).isEqualTo("cancelled");
    assertThat(old.body().at("/movedTo/branchName").asText()).isEqualTo("Vestby Bibliotek");
    assertThat(old.body().at("/movedTo/number").isMissingNode()).as("not there yet").isTrue();
    String firstNew = Moves.newId("vest", first);
    assertThat(any.get("/api/tickets/" + firstNew).status()).isEqualTo(404);

    TestNode owner = nodes.stream().filter(n -> n.node.engine().ownedBranches().contains("main")).findFirst().orElseThrow();
    owner.node.hazelcast().getLifecycleService().terminate();
    List<TestNode> alive = nodes.stream().filter(n -> n != owner).toList();
    alive.forEach(n -> n.node.moves().hold(false));
    TestNode live = alive.get(0);

    Reply moved = Eventually.value(Duration.ofSeconds(30), () -> live.get("/api/tickets/" + first),
        r -> r.status() == 200 && r.body().at("/movedTo/ticket").isTextual());
    assertThat(moved.body().at("/movedTo/ticket").asText()).isEqualTo(firstNew);
    assertThat(moved.body().at("/movedTo/number").asText()).isEqualTo("L001");
    Reply fresh = live.get("/api/tickets/" + firstNew);
    assertThat(fresh.body().get("state").asText()).isEqualTo("waiting");
    assertThat(fresh.body().get("branch").asText()).isEqualTo("vest");
    assertThat(fresh.body().get("position").asInt()).isEqualTo(1);
    Reply secondMoved = Eventually.value(Duration.ofSeconds(30), () -> live.get("/api/tickets/" + second),
        r -> r.status() == 200 && r.body().at("/movedTo/ticket").isTextual());
    assertThat(secondMoved.body().at("/movedTo/number").asText()).isEqualTo("L002");
    BranchState vest = live.node.engine().state("vest").toCompletionStage().toCompletableFuture().get();
    assertThat(vest.queue("lib")).containsExactly(firstNew, Moves.newId("vest", second));
    BranchState main = live.node.engine().state("main").toCompletionStage().toCompletableFuture().get();
    assertThat(Moves.pending(main)).isEmpty();

    // One ticket, moved by the desk that called it: ended here, issued there.
    assertThat(live.post("/api/branches/main/desks/d2/open", "{\"services\":[\"pas\"]}", anna).status()).isEqualTo(200);
    String third = live.post("/api/branches/main/tickets", "{\"service\":\"pas\"}").body().get("id").asText();
    assertThat(live.post("/api/branches/main/desks/d2/call-next", "{}", anna).status()).isEqualTo(200);
    Reply wrong = live.post("/api/branches/main/desks/d2/move",
        "{\"ticket\":\"" + third + "\",\"branch\":\"vest\",\"service\":\"pas\"}", anna);
    assertThat(wrong.status()).isEqualTo(409);
    assertThat(live.post("/api/branches/main/desks/d2/move",
        "{\"ticket\":\"" + third + "\",\"branch\":\"vest\",\"service\":\"lib\"}", anna).status()).isEqualTo(200);
    Eventually.value(Duration.ofSeconds(30), () -> live.get("/api/tickets/" + Moves.newId("vest", third)),
        r -> r.status() == 200 && r.body().get("number").asText().equals("L003"));
  }
}
