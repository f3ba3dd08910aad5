package dk.queue.core.engine;

import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceImpl;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.partition.InternalPartition;
import com.hazelcast.internal.partition.PartitionReplica;
import com.hazelcast.spi.exception.RetryableHazelcastException;

/**
 * A write on a branch counts only where a backup will have it too. Hazelcast waits for a backup
 * only if one is there to write to: it answers at once, with no backup, a write on a partition
 * whose backup is not a member any more (dropped by the failure detector, not yet replaced), has
 * none yet (a new one still being copied) or cannot have one (a member alone). On a member cut off
 * from the others, the failure detector drops the others one at a time, and until the last is
 * dropped the member still counts as a majority; the writes it answered then were never on the
 * majority's copy, which then gave their numbers again. Measured in {@code PartitionIT}: two such
 * tickets in one run.
 *
 * <p>So every entry processor on the branch map looks, on the partition's owner and as the last
 * thing before its result takes effect, at the partition's first backup, and runs only when that
 * is a member now. Otherwise it changes nothing and throws an exception that Hazelcast retries (at
 * once at first, then at most 200 ms apart) until a new backup is in place, or the member is left
 * without a quorum and the split-brain protection refuses. Hazelcast looks at the backup once more
 * when it sends to it, microseconds later on the same thread; a member dropped exactly between the
 * two is not ruled out. A node not in a cluster, or one run with a quorum of 1, keeps Hazelcast's
 * own behaviour: alone, it has no backup to wait for.
 */
final class Backups {
  private Backups() {}

  /** Throws, retryably, when this member owns the branch's partition and its first backup is not a member now. */
  static void require(HazelcastInstance hazelcast, String branch) {
    if (hazelcast == null) {
      // A processor run outside a member (a test of its logic).
      return;
    }
    Node node = node(hazelcast);
    if (!required(node)) {
      return;
    }
    InternalPartition partition = node.getPartitionService().getPartition(node.getPartitionService().getPartitionId(branch));
    if (!partition.isLocal()) {
      // Running as the backup, which repeats what its owner decided.
      return;
    }
    PartitionReplica backup = partition.getReplica(1);
    if (backup == null || node.getClusterService().getMember(backup.address(), backup.uuid()) == null) {
      throw new RetryableHazelcastException("branch " + branch + " has no backup on a member of the cluster now");
    }
  }

  /** Whether writes must wait for a backup: the branch map has one and the cluster a quorum above 1. */
  private static boolean required(Node node) {
    MapConfig map = node.getConfig().findMapConfig(Addresses.BRANCH_MAP);
    return map.getBackupCount() > 0 && map.getSplitBrainProtectionName() != null;
  }

  static Node node(HazelcastInstance hazelcast) {
    if (hazelcast instanceof HazelcastInstanceImpl impl) {
      return impl.node;
    }
    if (hazelcast instanceof HazelcastInstanceProxy proxy) {
      return proxy.getOriginal().node;
    }
    throw new IllegalStateException("not a member's instance: " + hazelcast.getClass().getName());
  }
}
