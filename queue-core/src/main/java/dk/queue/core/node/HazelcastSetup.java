package dk.queue.core.node;

import com.hazelcast.config.AdvancedNetworkConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.ServerSocketEndpointConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import dk.queue.core.engine.Addresses;
import dk.queue.core.engine.ClusterTypes;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Hazelcast configuration of a node: Vert.x's cluster maps plus the branch and session maps,
 * failure detection fast enough that a dead member's branches move within seconds, and split-brain
 * protection so that a minority refuses to write.
 */
public final class HazelcastSetup {
  static final String QUORUM = "queue-quorum";
  /** Seconds without a heartbeat before a member counts as dead (Hazelcast's default is 60). */
  static final int DEAD_AFTER_SECONDS = 3;
  /** Classes that Java deserialization must never be asked for. */
  static final String OUR_PACKAGES = "dk.queue.";
  /** Milliseconds a write waits for its backup's acknowledgement before its outcome counts as undetermined. */
  static final int BACKUP_TIMEOUT_MILLIS = 1000;
  /**
   * Hazelcast's partitions (its default is 271). A write waits until its branch has a backup on a
   * member (see {@code Backups}); after a member dies, every partition it held is copied again, and
   * with fewer partitions, each holding more of the few entries a cluster of this kind has, that
   * copy is done sooner (README, *Failure detection*). Every member of a cluster must use the same
   * count.
   */
  static final int PARTITIONS = 23;
  /** The most entries each member keeps of a map of counts per client (sign-in attempts, rates, kiosk tickets). */
  static final int MAX_COUNTS = 50_000;

  /** Held so the setting stays: java.util.logging keeps loggers only weakly. */
  private static final Logger JOIN_LOG = Logger.getLogger("com.hazelcast.instance.impl.Node");

  private HazelcastSetup() {}

  /** The Hazelcast configuration for a node with these options. */
  public static Config config(NodeOptions options) {
    ClusterOptions cluster = options.cluster();
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(cluster.name());
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(DEAD_AFTER_SECONDS));
    config.setProperty("hazelcast.heartbeat.failuredetector.type", "deadline");
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
    config.setProperty("hazelcast.invocation.retry.pause.millis", "200");
    config.setProperty("hazelcast.partition.count", String.valueOf(PARTITIONS));
    JoinConfig join = memberEndpointOnly(config, cluster);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getMulticastConfig().setEnabled(cluster.enabled() && cluster.multicast());
    join.getTcpIpConfig().setEnabled(cluster.enabled() && !cluster.multicast());
    cluster.members().forEach(m -> join.getTcpIpConfig().addMember(m));
    if (!cluster.enabled()) {
      // Alone by design; no need to warn that no join method is set.
      JOIN_LOG.setLevel(Level.SEVERE);
    }
    MapConfig branches = new MapConfig(Addresses.BRANCH_MAP).setBackupCount(cluster.backups()).setAsyncBackupCount(0)
        .setInMemoryFormat(InMemoryFormat.OBJECT);
    MapConfig sessions = new MapConfig(Addresses.SESSION_MAP).setBackupCount(cluster.backups());
    MapConfig sessionRoles = new MapConfig(Addresses.SESSION_ROLES_MAP).setBackupCount(cluster.backups());
    MapConfig configVersions = new MapConfig(Addresses.CONFIG_VERSION_MAP).setBackupCount(cluster.backups());
    if (cluster.quorum() > 1) {
      config.addSplitBrainProtectionConfig(new SplitBrainProtectionConfig(QUORUM, true, cluster.quorum()));
      branches.setSplitBrainProtectionName(QUORUM);
      sessions.setSplitBrainProtectionName(QUORUM);
      sessionRoles.setSplitBrainProtectionName(QUORUM);
      configVersions.setSplitBrainProtectionName(QUORUM);
    }
    config.addMapConfig(branches);
    config.addMapConfig(sessions);
    config.addMapConfig(sessionRoles);
    config.addMapConfig(configVersions);
    // Keyed by configured staff and screens only, so bounded by the configuration.
    for (String kept : new String[] {Addresses.DESK_PROFILE_MAP, Addresses.SCREEN_SOUND_MAP}) {
      config.addMapConfig(new MapConfig(kept).setBackupCount(cluster.backups()));
    }
    for (String counts : new String[] {Addresses.SIGN_IN_MAP, Addresses.RATE_MAP, Addresses.KIOSK_TICKET_MAP,
        Addresses.OIDC_FLOW_MAP}) {
      // Keyed by what strangers send: capped per member, the least recently used going first. The
      // tickets a minute are backed up without waiting for it: a count lost with a member only lets
      // more tickets through in that minute, and a ticket would otherwise wait for a second backup.
      boolean lenient = counts.equals(Addresses.RATE_MAP);
      config.addMapConfig(new MapConfig(counts).setBackupCount(lenient ? 0 : cluster.backups())
          .setAsyncBackupCount(lenient ? cluster.backups() : 0).setEvictionConfig(new EvictionConfig()
          .setEvictionPolicy(EvictionPolicy.LRU).setMaxSizePolicy(MaxSizePolicy.PER_NODE).setSize(MAX_COUNTS)));
    }
    serialization(config);
    confirmWrites(config);
    return config;
  }

  /**
   * What crosses the cluster is written in Hazelcast's Compact format (versions of a record that
   * differ by a component read each other), and Java deserialization refuses every class of ours,
   * so that nothing falls back to it unnoticed.
   */
  public static void serialization(Config config) {
    ClusterTypes.register(config.getSerializationConfig().getCompactSerializationConfig());
    dk.queue.core.engine.serial.CompactTypes.register(config.getSerializationConfig().getCompactSerializationConfig(),
        dk.queue.core.http.ClusterValues.types());
    JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig();
    filter.getBlacklist().addPrefixes(OUR_PACKAGES);
    config.getSerializationConfig().setJavaSerializationFilterConfig(filter);
  }

  /**
   * Acknowledged means kept: a write counts only once its synchronous backup has it. Without this,
   * Hazelcast answers a write whose backup never acknowledged it as soon as the backup member is
   * dropped from the member list, and a member cut off from the others acknowledged writes the
   * majority never had (and then gave the same numbers again). With it, such a write fails with
   * {@code IndeterminateOperationStateException} after {@link #BACKUP_TIMEOUT_MILLIS}, which the
   * API answers as {@code 503 unconfirmed}. The timeout is below the failure detector's
   * {@link #DEAD_AFTER_SECONDS}, so that a member whose backup is cut off stops waiting before the
   * others have decided it is gone, and the majority's own writes are not held up for longer.
   */
  static void confirmWrites(Config config) {
    config.setProperty("hazelcast.operation.fail.on.indeterminate.state", "true");
    config.setProperty("hazelcast.operation.backup.timeout.millis", String.valueOf(BACKUP_TIMEOUT_MILLIS));
  }

  /**
   * The cluster port: members only, bound to {@code host} alone (a node alone: loopback), and no
   * client endpoint, so that a Hazelcast client is refused at the handshake. The open-source edition
   * has no member authentication, so the network the port is on must be private (README, Security).
   * Answers the join configuration of that endpoint.
   */
  static JoinConfig memberEndpointOnly(Config config, ClusterOptions cluster) {
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.socket.server.bind.any", "false");
    AdvancedNetworkConfig network = config.getAdvancedNetworkConfig().setEnabled(true);
    ServerSocketEndpointConfig member = new ServerSocketEndpointConfig();
    member.setName("member");
    // Alone, any free port will do; in a cluster the others know this node by its listed port.
    member.setPort(cluster.port()).setPortAutoIncrement(!cluster.enabled());
    member.getInterfaces().setEnabled(true).addInterface(address(cluster.host()));
    network.setMemberEndpointConfig(member);
    return network.getJoin();
  }

  /** Hazelcast binds to interfaces by IP address; a host name is resolved once, at start. */
  private static String address(String host) {
    try {
      return java.net.InetAddress.getByName(host).getHostAddress();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("--host " + host + " cannot be resolved", e);
    }
  }
}
