package dk.queue.core.node;

import dk.queue.core.config.QueueConfig;
import dk.queue.core.engine.IdGenerator;
import dk.queue.core.http.EdgeOptions;
import dk.queue.core.web.WebModule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

/**
 * How to start a node.
 *
 * @param port       HTTP port (0 picks a free one)
 * @param cluster    how it finds and joins other nodes
 * @param sessionTtl how long a staff sign-in lasts
 * @param nodeUrls   the addresses browsers reach every node at, for pages to move to another node when
 *                   theirs goes away (empty behind a load balancer)
 * @param jsonLogs   the line of each command as JSON instead of key=value
 * @param store      where events are kept: {@code null} for the embedded store in {@code dataDir},
 *                   or {@code postgres://user:password@host:port/database} for one database shared
 *                   by the cluster
 * @param edge       what the HTTP edge allows strangers (timeouts, caps, ticket limits) and the public URL
 */
public record NodeOptions(int port, QueueConfig config, Path dataDir, List<WebModule> webModules, Clock clock,
                          IdGenerator ids, ClusterOptions cluster, Duration sessionTtl, List<String> nodeUrls,
                          boolean jsonLogs, String store, EdgeOptions edge) {
  public NodeOptions {
    webModules = List.copyOf(webModules);
    nodeUrls = List.copyOf(nodeUrls);
  }

  public static NodeOptions defaults(QueueConfig config, Path dataDir) {
    return new NodeOptions(8080, config, dataDir, List.of(), Clock.tickMillis(ZoneOffset.UTC), IdGenerator.random(),
        ClusterOptions.alone(), config.staffSession(), List.of(), false, null, EdgeOptions.defaults());
  }

  public NodeOptions withPort(int p) {
    return new NodeOptions(p, config, dataDir, webModules, clock, ids, cluster, sessionTtl, nodeUrls, jsonLogs, store, edge);
  }

  public NodeOptions withWebModules(List<WebModule> modules) {
    return new NodeOptions(port, config, dataDir, modules, clock, ids, cluster, sessionTtl, nodeUrls, jsonLogs, store, edge);
  }

  public NodeOptions withClock(Clock c) {
    return new NodeOptions(port, config, dataDir, webModules, c, ids, cluster, sessionTtl, nodeUrls, jsonLogs, store, edge);
  }

  public NodeOptions withCluster(ClusterOptions c) {
    return new NodeOptions(port, config, dataDir, webModules, clock, ids, c, sessionTtl, nodeUrls, jsonLogs, store, edge);
  }

  public NodeOptions withNodeUrls(List<String> urls) {
    return new NodeOptions(port, config, dataDir, webModules, clock, ids, cluster, sessionTtl, urls, jsonLogs, store, edge);
  }

  public NodeOptions withJsonLogs(boolean json) {
    return new NodeOptions(port, config, dataDir, webModules, clock, ids, cluster, sessionTtl, nodeUrls, json, store, edge);
  }

  /** Keeps events in PostgreSQL ({@code postgres://...}) instead of the data folder; {@code null} for the folder. */
  public NodeOptions withStore(String url) {
    return new NodeOptions(port, config, dataDir, webModules, clock, ids, cluster, sessionTtl, nodeUrls, jsonLogs, url, edge);
  }

  public NodeOptions withEdge(EdgeOptions e) {
    return new NodeOptions(port, config, dataDir, webModules, clock, ids, cluster, sessionTtl, nodeUrls, jsonLogs, store, e);
  }

  /** Sign-ins that last {@code ttl} (the configuration's {@code staffSessionMinutes} allows 5 minutes at least). */
  public NodeOptions withSessionTtl(java.time.Duration ttl) {
    return new NodeOptions(port, config, dataDir, webModules, clock, ids, cluster, ttl, nodeUrls, jsonLogs, store, edge);
  }

  public NodeOptions withConfig(QueueConfig c) {
    return new NodeOptions(port, c, dataDir, webModules, clock, ids, cluster, sessionTtl, nodeUrls, jsonLogs, store, edge);
  }
}
