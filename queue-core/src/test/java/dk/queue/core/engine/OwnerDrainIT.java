package dk.queue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.node.ClusterOptions;
import dk.queue.core.node.Ports;
import dk.queue.core.node.TestNode;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on embedded stores: commands sent to either node end up in the files of the member
 * that owns the branch, and no outbox keeps a backlog, with no timer reading the branches.
 */
class OwnerDrainIT {
  @Test
  void theOwnerWritesTheEventsOfItsBranchesWhicheverNodeRanTheCommand() throws Exception {
    int a = Ports.free();
    int b = Ports.free();
    List<String> members = List.of("127.0.0.1:" + a, "127.0.0.1:" + b);
    try (TestNode first = node(a, members); TestNode second = node(b, members)) {
      // The branch's owner may move while the second member's partitions migrate; each member writes
      // only what it drained as owner, so the commands start once the cluster is settled.
      settled(first, second);
      String anna = first.login("anna");
      assertThat(first.post("/api/branches/main/desks/d1/open", "{\"services\":[\"pas\"]}", anna).status()).isEqualTo(200);
      for (int i = 0; i < 10; i++) {
        TestNode via = i % 2 == 0 ? first : second;
        assertThat(via.post("/api/branches/main/tickets", "{\"service\":\"pas\"}").status()).isEqualTo(201);
      }
      TestNode owner = owns(first, "main") ? first : second;
      long deadline = System.nanoTime() + 30_000_000_000L;
      int issued = 0;
      while (System.nanoTime() < deadline && (issued < 10 || backlog(first) + backlog(second) > 0)) {
        Thread.sleep(300);
        issued = 0;
        for (JsonNode row : owner.get("/api/branches/main/stats").body().get("totals")) {
          issued += row.get("service").asText().equals("pas") ? row.get("issued").asInt() : 0;
        }
      }
      assertThat(issued).as("tickets in the owner's own log").isEqualTo(10);
      assertThat(backlog(first) + backlog(second)).isZero();
    }
  }

  private static TestNode node(int port, List<String> members) throws Exception {
    return TestNode.start(Files.createTempDirectory("queue-owner-drain"),
        o -> o.withCluster(new ClusterOptions(true, "127.0.0.1", port, members, false, 1, 1)));
  }

  /** Both members own partitions and no migration runs: the owner stays where it is. */
  private static void settled(TestNode first, TestNode second) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!settled(first) || !settled(second)) {
      assertThat(System.nanoTime() - deadline).as("the cluster settled within 30 s").isNegative();
      Thread.sleep(100);
    }
  }

  private static boolean settled(TestNode node) {
    var partitions = node.node.hazelcast().getPartitionService();
    return partitions.isClusterSafe() && partitions.getPartitions().stream()
        .map(p -> p.getOwner()).filter(java.util.Objects::nonNull).distinct().count() == 2;
  }

  private static boolean owns(TestNode node, String branch) throws Exception {
    for (JsonNode b : node.get("/health/ready").body().at("/checks/cluster/ownedBranches")) {
      if (b.asText().equals(branch)) {
        return true;
      }
    }
    return false;
  }

  private static int backlog(TestNode node) throws Exception {
    return node.get("/health/ready").body().at("/checks/store/outboxBacklog").asInt();
  }
}
