package dk.queue.ops.bench;

import dk.queue.core.config.ConfigLoader;
import dk.queue.core.engine.Addresses;
import dk.queue.core.http.Sse;
import dk.queue.core.node.ClusterOptions;
import dk.queue.core.node.HazelcastSetup;
import dk.queue.core.node.NodeOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw baseline: a bare clustered Vert.x node, in the same Hazelcast cluster setup as ours,
 * doing only the transport our nodes do. {@code POST /echo} is an event-bus request/reply to the
 * next baseline node; {@code GET /sse} holds an event stream; {@code POST /broadcast} publishes its
 * body on the event bus and every node writes it to its streams. {@code POST /replicated?key=K} is
 * the least a replicated write costs in this cluster: one entry processor that adds one to a number,
 * in a map configured as ours keeps its branches (the same backup, answered once the backup has
 * it), and nothing else.
 *
 * <p>Arguments: {@code httpPort clusterPort index member,member,...}.
 */
public final class BaselineNode {
  static final String BROADCAST = "bench.broadcast";

  private BaselineNode() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int clusterPort = Integer.parseInt(args[1]);
    int index = Integer.parseInt(args[2]);
    List<String> members = List.of(args[3].split(","));
    ClusterOptions cluster = new ClusterOptions(true, "127.0.0.1", clusterPort, members, false, 1, 1);
    NodeOptions options = NodeOptions.defaults(ConfigLoader.demo(), Files.createTempDirectory("baseline"))
        .withCluster(cluster);
    com.hazelcast.config.Config hazelcast = HazelcastSetup.config(options);
    dk.queue.core.engine.serial.CompactTypes.register(hazelcast.getSerializationConfig().getCompactSerializationConfig(),
        Count.class);
    HazelcastClusterManager manager = new HazelcastClusterManager(hazelcast);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1").setPort(0)))
        .withClusterManager(manager).buildClustered().await();
    String next = "bench.echo." + ((index + 1) % members.size());
    vertx.eventBus().<Buffer>consumer("bench.echo." + index, m -> m.reply(m.body()));
    Set<HttpServerResponse> streams = ConcurrentHashMap.newKeySet();
    AtomicLong seq = new AtomicLong();
    vertx.eventBus().<String>consumer(BROADCAST, m -> {
      String frame = Sse.event("change", seq.incrementAndGet(), m.body());
      for (HttpServerResponse r : streams) {
        if (!r.closed()) {
          r.write(frame);
        }
      }
    });
    vertx.createHttpServer().requestHandler(req -> {
      switch (req.path()) {
        case "/echo" -> req.body().compose(body -> vertx.eventBus().<Buffer>request(next, body))
            .onSuccess(reply -> req.response().end(reply.body()))
            .onFailure(e -> req.response().setStatusCode(503).end());
        case "/sse" -> {
          HttpServerResponse r = req.response();
          Sse.begin(r);
          streams.add(r);
          r.closeHandler(v -> streams.remove(r));
        }
        case "/broadcast" -> req.body().onSuccess(body -> {
          vertx.eventBus().publish(BROADCAST, body.toString());
          req.response().end();
        });
        case "/replicated" -> {
          com.hazelcast.map.IMap<String, Long> map = manager.getHazelcastInstance().getMap(Addresses.BRANCH_MAP);
          io.vertx.core.Context context = vertx.getOrCreateContext();
          req.body().compose(body -> io.vertx.core.Future.fromCompletionStage(
                  map.submitToKey(String.valueOf(req.getParam("key")), new Count(1)), context))
              .onSuccess(n -> req.response().end(String.valueOf(n)))
              .onFailure(e -> req.response().setStatusCode(503).end());
        }
        case "/health/ready" -> req.response().end("{\"status\":\"ready\",\"streams\":" + streams.size() + "}");
        default -> req.response().setStatusCode(404).end();
      }
    }).listen(port, "127.0.0.1").await();
    System.out.println("Baseline node ready on " + port);
  }

  /** Adds to a number; the backup runs it too, as ours run their commands. */
  record Count(long by) implements com.hazelcast.map.EntryProcessor<String, Long, Long> {
    @Override
    public Long process(java.util.Map.Entry<String, Long> entry) {
      long next = (entry.getValue() == null ? 0 : entry.getValue()) + by;
      entry.setValue(next);
      return next;
    }
  }
}
