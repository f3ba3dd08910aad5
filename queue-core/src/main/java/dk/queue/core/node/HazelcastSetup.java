package dk.queue.core.node;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import dk.queue.core.engine.Addresses;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;

/** The Hazelcast configuration of a node: Vert.x's cluster maps plus the branch and session maps. */
final class HazelcastSetup {
  /** Held so the setting stays: java.util.logging keeps loggers only weakly. */
  private static final java.util.logging.Logger JOIN_LOG =
      java.util.logging.Logger.getLogger("com.hazelcast.instance.impl.Node");

  private HazelcastSetup() {}

  static Config config(NodeOptions options) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName("queue");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.getNetworkConfig().setPort(options.clusterPort()).setPortAutoIncrement(true);
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(false);
    // Alone by design until cluster members are configured; no need to warn about it.
    JOIN_LOG.setLevel(java.util.logging.Level.SEVERE);
    // Commands run where the state lives; a synchronous backup takes over when that member dies.
    config.addMapConfig(new MapConfig(Addresses.BRANCH_MAP).setBackupCount(1).setAsyncBackupCount(0)
        .setInMemoryFormat(InMemoryFormat.OBJECT));
    config.addMapConfig(new MapConfig(Addresses.SESSION_MAP).setBackupCount(1));
    return config;
  }
}
