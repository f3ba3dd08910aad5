package dk.queue.core.http;

import com.hazelcast.core.HazelcastInstance;
import dk.queue.core.engine.Engine;
import dk.queue.core.metrics.QueueMetrics;
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
    checks.put("cluster", clusterCheck);
    checks.put("branches", Map.of("up", engine.started()));
    checks.put("store", Map.of("up", engine.storeHealthy()));
    checks.put("config", Map.of("up", true, "source", engine.config().source()));
    boolean ready = cluster && quorum && engine.started() && engine.storeHealthy();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ready ? "ready" : "not_ready");
    body.put("checks", checks);
    Replies.json(rc, ready ? 200 : 503, body);
  }
}
