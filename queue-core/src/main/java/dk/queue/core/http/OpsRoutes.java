package dk.queue.core.http;

import com.hazelcast.core.HazelcastInstance;
import dk.queue.core.engine.Engine;
import dk.queue.core.metrics.QueueMetrics;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /metrics}, {@code /health/live} and {@code /health/ready}. */
final class OpsRoutes {
  private final Engine engine;
  private final HazelcastInstance hazelcast;
  private final QueueMetrics metrics;
  private final int quorum;

  OpsRoutes(Engine engine, HazelcastInstance hazelcast, QueueMetrics metrics, int quorum) {
    this.quorum = quorum;
    this.engine = engine;
    this.hazelcast = hazelcast;
    this.metrics = metrics;
  }

  void mount(Router router) {
    router.get("/metrics").handler(rc -> rc.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(metrics.scrape()));
    router.get("/health/live").handler(rc -> Replies.ok(rc, Map.of("status", "up")));
    router.get("/health/ready").handler(this::ready);
  }

  private void ready(RoutingContext rc) {
    // Whether the cluster is safe is asked of every member and waited for: not on the event loop.
    Future<Boolean> safe = rc.vertx().executeBlocking(() -> hazelcast.getLifecycleService().isRunning()
        && hazelcast.getPartitionService().isClusterSafe(), false);
    engine.outboxBacklog().onSuccess(backlog -> safe.otherwise(false).onSuccess(s -> ready(rc, backlog, s)));
  }

  /**
   * Ready means the node can serve: quorum, branches loaded. A store that is down does not make it
   * unready, since commands go on and the outbox keeps their events: the body says "degraded".
   */
  private void ready(RoutingContext rc, int backlog, boolean safe) {
    Map<String, Object> checks = new LinkedHashMap<>();
    boolean cluster = hazelcast.getLifecycleService().isRunning();
    int members = cluster ? hazelcast.getCluster().getMembers().size() : 0;
    boolean quorum = members >= this.quorum;
    Map<String, Object> clusterCheck = new LinkedHashMap<>();
    clusterCheck.put("up", cluster);
    clusterCheck.put("members", members);
    clusterCheck.put("quorumSize", this.quorum);
    clusterCheck.put("quorum", quorum);
    clusterCheck.put("ownedBranches", cluster ? engine.ownedBranches() : java.util.Set.of());
    // No migration running and every backup in step: the moment to take the next node down.
    clusterCheck.put("safe", safe);
    checks.put("cluster", clusterCheck);
    checks.put("branches", Map.of("up", engine.started()));
    Map<String, Object> store = new LinkedHashMap<>();
    store.put("up", engine.storeHealthy());
    store.put("status", engine.storeHealthy() ? "ok" : "degraded");
    store.put("kind", engine.storeShared() ? "postgresql" : "embedded");
    store.put("outboxBacklog", backlog);
    checks.put("store", store);
    // Whether it is read, not where from: the file's path is nobody's business outside the host.
    checks.put("config", Map.of("up", true));
    boolean ready = cluster && quorum && engine.started();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", !ready ? "not_ready" : engine.storeHealthy() ? "ready" : "degraded");
    body.put("checks", checks);
    Replies.json(rc, ready ? 200 : 503, body);
  }
}
