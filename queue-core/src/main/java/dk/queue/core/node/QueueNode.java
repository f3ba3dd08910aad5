package dk.queue.core.node;

import com.hazelcast.core.HazelcastInstance;
import dk.queue.core.engine.CommandLog;
import dk.queue.core.engine.Engine;
import dk.queue.core.engine.EventStore;
import dk.queue.core.engine.FileEventStore;
import dk.queue.core.engine.PostgresEventStore;
import dk.queue.core.http.ApiRoutes;
import dk.queue.core.http.Edge;
import dk.queue.core.http.Kiosks;
import dk.queue.core.http.Sessions;
import dk.queue.core.metrics.QueueMetrics;
import dk.queue.core.web.NodeContext;
import dk.queue.core.web.WebModule;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * A complete node: a Hazelcast member holding branch states, a clustered Vert.x on top of it, the
 * engine, the event store, and one HTTP server for the API and the pages. A node alone is a
 * complete system; several form a cluster through the same code path.
 */
public final class QueueNode {
  private final NodeOptions options;
  private HazelcastInstance hazelcast;
  private Vertx vertx;
  private EventStore store;
  private dk.queue.core.engine.ConfigVersions versions;
  private ConfigAdmin configAdmin;
  private Router router;
  private Engine engine;
  private dk.queue.core.engine.MoveRelay moves;
  private HttpServer server;
  /** Server verticles: one per event loop. */
  private int httpInstances;
  private ConfigReloader reloader;
  private final QueueMetrics metrics = new QueueMetrics();
  private dk.queue.core.remind.Reminders reminders;

  private QueueNode(NodeOptions options) {
    this.options = options;
  }

  /**
   * Starts a node; the future completes when its branches are loaded. It serves HTTP before that,
   * answering 503 until then, so that health checks can see it wait for its quorum.
   */
  public static Future<QueueNode> start(NodeOptions options) {
    QueueNode node = new QueueNode(options);
    return node.boot().map(v -> node);
  }

  private Future<Void> boot() {
    try {
      store = options.store() == null ? new FileEventStore(options.dataDir()) : PostgresEventStore.connect(options.store());
      var inFolder = new dk.queue.core.engine.FileConfigVersions(options.dataDir());
      versions = store instanceof PostgresEventStore shared
          ? new dk.queue.core.engine.PostgresConfigVersions(inFolder, shared) : inFolder;
    } catch (java.io.IOException | IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    metrics.registry().config().meterFilter(Edge.knownMethodsOnly());
    HazelcastClusterManager clusterManager = new HazelcastClusterManager(HazelcastSetup.config(options));
    VertxOptions vertxOptions = new VertxOptions()
        .setEventBusOptions(new EventBusOptions().setHost(options.cluster().host()).setPort(0))
        .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));
    httpInstances = vertxOptions.getEventLoopPoolSize();
    return Vertx.builder().with(vertxOptions).withClusterManager(clusterManager)
        .withMetrics(new MicrometerMetricsFactory(metrics.registry()))
        .buildClustered()
        .compose(v -> {
          vertx = v;
          hazelcast = clusterManager.getHazelcastInstance();
          engine = new Engine(vertx, hazelcast, options.config(), options.clock(), options.ids(), store);
          engine.logCommandsTo(new CommandLog(options.jsonLogs(), System.out::println));
          moves = new dk.queue.core.engine.MoveRelay(vertx, engine);
          return listen();
        })
        .compose(v -> engine.start())
        .onSuccess(v -> moves.start())
        .compose(v -> configAdmin.start(options.config()))
        .onSuccess(v -> startReminders());
  }

  /** Reminders of booked times link to the public address, or else to this node's own. */
  private void startReminders() {
    String publicUrl = options.edge().publicUrl();
    reminders = new dk.queue.core.remind.Reminders(vertx, engine, metrics.registry(),
        () -> publicUrl != null ? publicUrl : "http://127.0.0.1:" + port());
    reminders.start();
  }

  private Future<Void> listen() {
    engine.onEvents((branch, outcome) -> metrics.record(branch, outcome.events(), outcome.tickets()));
    int quorum = options.cluster().quorum();
    metrics.cluster(() -> hazelcast.getCluster().getMembers().size(),
        () -> hazelcast.getCluster().getMembers().size() >= quorum ? 1 : 0,
        () -> engine.started() && hazelcast.getCluster().getMembers().size() >= quorum ? 1 : 0);
    metrics.beforeScrape(() -> metrics.refresh(engine.localStates(), options.clock().instant()));
    metrics.setAside(() -> store.setAside().values().stream().mapToLong(Long::longValue).sum());
    reloader = new ConfigReloader(vertx, engine, hazelcast.getCluster().getLocalMember().getUuid().toString());
    Sessions sessions = new Sessions(hazelcast, engine::config, options.sessionTtl(), options.clock());
    new dk.queue.core.http.DeskSignOut(engine).watch(vertx, sessions);
    router = Router.router(vertx);
    Edge edge = new Edge(vertx, options.edge(), options.nodeUrls());
    edge.mount(router);
    Kiosks kiosks = new Kiosks(hazelcast, options.edge());
    configAdmin = new ConfigAdmin(vertx, versions, hazelcast.getMap(dk.queue.core.engine.Addresses.CONFIG_VERSION_MAP),
        reloader, options.clock());
    dk.queue.core.http.AdminRoutes.mount(router, sessions, configAdmin);
    ApiRoutes.mount(vertx, router, engine, sessions, hazelcast, metrics, options.cluster().quorum(), options.nodeUrls(),
        kiosks, options.edge());
    NodeContext context = new NodeContext(vertx, engine::config, engine, options.nodeUrls(), metrics, engine, kiosks);
    for (WebModule module : options.webModules()) {
      module.mount(router, context);
    }
    HttpServerOptions serverOptions = edge.server(new HttpServerOptions());
    // One server verticle per event loop on the same port; Vert.x hands the connections out among
    // them. A negative port is Vert.x's way of sharing one random port (asked for as 0).
    int port = options.port() == 0 ? -1 : options.port();
    java.util.Queue<HttpVerticle> started = new java.util.concurrent.ConcurrentLinkedQueue<>();
    return vertx.deployVerticle(() -> {
      HttpVerticle v = new HttpVerticle(router, serverOptions, port, edge::connected);
      started.add(v);
      return v;
    }, new DeploymentOptions().setInstances(httpInstances))
        .map(id -> {
          server = started.peek().server();
          return null;
        });
  }

  public int port() {
    return server.actualPort();
  }

  /** Takes on a new configuration while running; see {@link ConfigReloader}. */
  public ConfigReloader configReloader() {
    return reloader;
  }

  /** Every route the node serves, for tests that go through them all. */
  public Router router() {
    return router;
  }

  public Engine engine() {
    return engine;
  }

  /** What finishes this node's moves of tickets to other branches. */
  public dk.queue.core.engine.MoveRelay moves() {
    return moves;
  }

  public QueueMetrics metrics() {
    return metrics;
  }

  public Vertx vertx() {
    return vertx;
  }

  public HazelcastInstance hazelcast() {
    return hazelcast;
  }

  /** Stops serving, leaves the cluster and closes the store. */
  public Future<Void> close() {
    Future<Void> flushed = Future.succeededFuture();
    if (reminders != null) {
      reminders.stop();
    }
    if (engine != null) {
      moves.stop();
      engine.stop();
      flushed = engine.flush().timeout(10, java.util.concurrent.TimeUnit.SECONDS).recover(e -> Future.succeededFuture());
    }
    Future<Void> closing = flushed.compose(v -> vertx == null ? Future.succeededFuture() : vertx.close());
    return closing.eventually(() -> {
      if (hazelcast != null && hazelcast.getLifecycleService().isRunning()) {
        hazelcast.shutdown();
      }
      try {
        store.close();
      } catch (java.io.IOException e) {
        return Future.failedFuture(e);
      }
      return Future.succeededFuture();
    });
  }
}
