package dk.queue.core.node;

import java.util.List;

/**
 * How a node finds the others.
 *
 * @param enabled   join other nodes; when false the node is alone and needs no quorum
 * @param host      the address this node is reached at by the others (Hazelcast and event bus)
 * @param port      the first Hazelcast port to try
 * @param members   the Hazelcast addresses ({@code host:port}) of the nodes to join
 * @param multicast find nodes by multicast instead of a member list
 * @param backups   synchronous backups of each branch's state
 * @param quorum    the fewest members that may run commands; a smaller side refuses them
 * @param name      the Hazelcast cluster name: nodes with another name do not join (no secret: the
 *                  cluster network must be private, README "Security")
 */
public record ClusterOptions(boolean enabled, String host, int port, List<String> members, boolean multicast,
                             int backups, int quorum, String name) {
  public static final String DEFAULT_NAME = "queue";

  public ClusterOptions {
    members = List.copyOf(members);
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("the cluster name is 1-64 letters, digits, '.', '_' or '-'");
    }
    if (backups < 0 || backups > 6) {
      throw new IllegalArgumentException("backups must be from 0 to 6");
    }
    if (quorum < 1) {
      throw new IllegalArgumentException("quorum must be at least 1");
    }
  }

  /** Options under the default cluster name. */
  public ClusterOptions(boolean enabled, String host, int port, List<String> members, boolean multicast,
                        int backups, int quorum) {
    this(enabled, host, port, members, multicast, backups, quorum, DEFAULT_NAME);
  }

  public ClusterOptions withName(String n) {
    return new ClusterOptions(enabled, host, port, members, multicast, backups, quorum, n);
  }

  public static ClusterOptions alone() {
    return new ClusterOptions(false, "127.0.0.1", 5701, List.of(), false, 1, 1);
  }

  /** The majority of the listed members, or 1 when fewer than three are listed. */
  public static int majorityOf(List<String> members) {
    return members.size() >= 3 ? members.size() / 2 + 1 : 1;
  }
}
