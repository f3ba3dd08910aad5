package dk.queue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.partition.PartitionReplica;
import com.hazelcast.map.IMap;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Channel;
import dk.queue.core.domain.Command;
import dk.queue.core.node.ClusterOptions;
import dk.queue.core.node.Eventually;
import dk.queue.core.node.HazelcastSetup;
import dk.queue.core.node.NodeOptions;
import dk.queue.core.node.Ports;
import dk.queue.core.node.TestConfig;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real cluster of four members (quorum 2) with the node's own Hazelcast configuration. The
 * member that holds a branch's backup is killed; the owner goes on taking tickets; the first ticket
 * it acknowledges once it has dropped the dead member is followed at once by the owner's own death.
 * That ticket, and every one acknowledged before it, must be on the two members left. Hazelcast by
 * itself answers that write with no backup at all (the partition's backup is not a member any more
 * and a new one is not copied yet), and the two members left then have no copy of the branch.
 */
class BackupLossIT {
  private final List<HazelcastInstance> members = new ArrayList<>();

  @AfterEach
  void stop() {
    members.forEach(m -> m.getLifecycleService().terminate());
  }

  @Test
  void aTicketAcknowledgedRightAfterTheBackupDiedOutlivesTheOwner() throws Exception {
    String cluster = "backup-loss-" + UUID.randomUUID();
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ports.add(Ports.free());
    }
    List<String> addresses = ports.stream().map(p -> "127.0.0.1:" + p).toList();
    for (int port : ports) {
      ClusterOptions options = new ClusterOptions(true, "127.0.0.1", port, addresses, false, 1, 2).withName(cluster);
      members.add(Hazelcast.newHazelcastInstance(HazelcastSetup.config(
          NodeOptions.defaults(TestConfig.create(), Files.createTempDirectory("backup-loss")).withCluster(options))));
    }
    assertThat(Eventually.value(Duration.ofSeconds(60), () -> members.stream().allMatch(
        m -> m.getCluster().getMembers().size() == 4 && m.getPartitionService().isClusterSafe()), ok -> ok))
        .as("four members, safe").isTrue();

    BranchDef def = TestConfig.create().branches().get(0);
    String branch = def.id();
    IMap<String, BranchState> map = members.get(0).getMap(Addresses.BRANCH_MAP);
    map.put(branch, BranchState.initial(def, LocalDate.now(def.zone())));
    assertThat(Eventually.value(Duration.ofSeconds(30), () -> members.get(0).getPartitionService().isClusterSafe(),
        ok -> ok)).as("the branch backed up").isTrue();
    HazelcastInstance owner = holder(branch, 0);
    HazelcastInstance backup = holder(branch, 1);
    IMap<String, BranchState> branches = owner.getMap(Addresses.BRANCH_MAP);
    String service = def.services().get(0).id();
    // A service is offered while a desk serves it.
    assertThat(branches.executeOnKey(branch, new CommandProcessor(new Command.OpenDesk(Instant.now(),
        def.desks().get(0).id(), "anna", java.util.Set.of(service), List.of(service)), null)).accepted()).isTrue();
    Map<String, String> acknowledged = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      issue(branches, branch, service, acknowledged);
    }
    assertThat(acknowledged).hasSize(5);

    backup.getLifecycleService().terminate();
    long killed = System.nanoTime();
    // The first write sent once the owner has dropped the dead member.
    while (owner.getCluster().getMembers().size() == 4) {
      assertThat(System.nanoTime() - killed).as("the owner never dropped the dead member")
          .isLessThan(TimeUnit.SECONDS.toNanos(30));
      Thread.onSpinWait();
    }
    long dropped = System.nanoTime();
    int refused = 0;
    while (!issue(branches, branch, service, acknowledged)) {
      refused++;
      assertThat(System.nanoTime() - dropped).as("the owner acknowledged nothing for a minute")
          .isLessThan(TimeUnit.SECONDS.toNanos(60));
    }
    long acknowledgedAfter = System.nanoTime() - dropped;
    owner.getLifecycleService().terminate();
    members.remove(owner);
    members.remove(backup);

    HazelcastInstance left = members.get(0);
    assertThat(Eventually.value(Duration.ofSeconds(60), () -> left.getCluster().getMembers().size() == 2
        && left.getPartitionService().isClusterSafe(), ok -> ok)).as("two members left, safe").isTrue();
    BranchState after = left.<String, BranchState>getMap(Addresses.BRANCH_MAP).get(branch);
    System.out.printf("backup killed: dropped by the owner after %d ms; the owner's next acknowledged ticket"
        + " %d ms after that, %d attempts refused first; %d tickets acknowledged%n",
        TimeUnit.NANOSECONDS.toMillis(dropped - killed), TimeUnit.NANOSECONDS.toMillis(acknowledgedAfter), refused,
        acknowledged.size());
    assertThat(after).as("the branch on the members left").isNotNull();
    acknowledged.forEach((id, number) -> assertThat(after.ticket(id)).as("acknowledged ticket %s", number)
        .hasValueSatisfying(t -> assertThat(t.number()).isEqualTo(number)));
  }

  /** Issues a ticket on the owner; answers whether it was acknowledged, and notes it if so. */
  private static boolean issue(IMap<String, BranchState> branches, String branch, String service,
                               Map<String, String> acknowledged) {
    String id = branch + "-" + UUID.randomUUID();
    try {
      Outcome outcome = branches.submitToKey(branch, new CommandProcessor(
          new Command.IssueTicket(Instant.now(), id, service, Channel.KIOSK, "da"), null))
          .toCompletableFuture().get(70, TimeUnit.SECONDS);
      assertThat(outcome.accepted()).as("issue: %s", outcome.rejection()).isTrue();
      acknowledged.put(id, outcome.ticket().number());
      return true;
    } catch (java.util.concurrent.ExecutionException e) {
      // Unconfirmed (the backup did not answer) or refused: not acknowledged.
      return false;
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  /** The member that holds replica {@code index} (0 the owner, 1 the first backup) of the branch's partition. */
  private HazelcastInstance holder(String branch, int index) {
    var partitions = Backups.node(members.get(0)).getPartitionService();
    PartitionReplica replica = partitions.getPartition(partitions.getPartitionId(branch)).getReplica(index);
    return members.stream().filter(m -> m.getCluster().getLocalMember().getUuid().equals(replica.uuid()))
        .findFirst().orElseThrow();
  }
}
