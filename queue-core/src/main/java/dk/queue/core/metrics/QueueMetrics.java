package dk.queue.core.metrics;

import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Desk;
import dk.queue.core.domain.DeskStatus;
import dk.queue.core.domain.Recorded;
import dk.queue.core.domain.ServiceDef;
import dk.queue.core.views.BranchView;
import dk.queue.core.views.BranchViews;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The node's metrics, scraped at {@code /metrics}. Counts and times are recorded by the node that
 * ran the command (sum them over nodes); the state of a branch (waiting, desks, outbox) is reported
 * by the member that owns it (take the max over nodes). Labels are bounded: branch, service and
 * desk states from the configuration and the code, never ticket ids.
 */
public final class QueueMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final EventRecorder recorder = new EventRecorder(registry);
  private final Map<String, MultiGauge> gauges = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> clients = new ConcurrentHashMap<>();
  private volatile Runnable beforeScrape = () -> { };
  private volatile java.util.function.LongSupplier setAside = () -> 0;

  public QueueMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    for (MetricNames.Branch g : MetricNames.Branch.values()) {
      gauges.put(g.name, MultiGauge.builder(g.name).description(g.description).register(registry));
    }
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Counts and times the events a command on this node produced. */
  public void record(dk.queue.core.domain.BranchDef branch, List<Recorded> events,
                     Map<String, dk.queue.core.domain.Ticket> tickets) {
    recorder.record(branch, events, tickets);
  }

  /** Reports the state of the branches this member owns (and drops those it no longer owns). */
  public synchronized void refresh(Collection<BranchState> owned, Instant now) {
    Map<MetricNames.Branch, List<MultiGauge.Row<?>>> rows = new EnumMap<>(MetricNames.Branch.class);
    for (MetricNames.Branch g : MetricNames.Branch.values()) {
      rows.put(g, new ArrayList<>());
    }
    for (BranchState s : owned) {
      String branch = s.def().id();
      for (ServiceDef def : s.def().services()) {
        BranchView.ServiceView v = BranchViews.service(s, def, now);
        Tags tags = Tags.of("branch", branch, "service", def.id());
        rows.get(MetricNames.Branch.WAITING).add(MultiGauge.Row.of(tags, v.waiting()));
        rows.get(MetricNames.Branch.LONGEST_WAIT).add(MultiGauge.Row.of(tags, v.longestWaitSeconds()));
        rows.get(MetricNames.Branch.TARGET_WAIT).add(MultiGauge.Row.of(tags, v.targetWaitSeconds()));
        rows.get(MetricNames.Branch.EXPECTED_WAIT).add(MultiGauge.Row.of(tags,
            v.estimatedWaitSeconds() == null ? Double.NaN : v.estimatedWaitSeconds()));
        rows.get(MetricNames.Branch.AVAILABLE).add(MultiGauge.Row.of(tags, v.available() ? 1 : 0));
        rows.get(MetricNames.Branch.SERVICE_DESKS).add(MultiGauge.Row.of(tags,
            dk.queue.core.domain.Availability.openDesksServing(s, def.id())));
      }
      Map<DeskStatus, Integer> desks = new EnumMap<>(DeskStatus.class);
      for (DeskStatus st : DeskStatus.values()) {
        desks.put(st, 0);
      }
      for (Desk d : s.desks().values()) {
        desks.merge(BranchViews.status(s, d), 1, Integer::sum);
      }
      desks.forEach((st, n) -> rows.get(MetricNames.Branch.DESKS)
          .add(MultiGauge.Row.of(Tags.of("branch", branch, "state", BranchViews.code(st)), n)));
      rows.get(MetricNames.Branch.OUTBOX).add(MultiGauge.Row.of(Tags.of("branch", branch), s.outbox().size()));
    }
    rows.forEach((g, r) -> gauges.get(g.name).register(r, true));
  }

  /** A live client of the given kind (screen, kiosk, desk, phone, ops) connected; close when it leaves. */
  public AutoCloseable connected(String kind) {
    AtomicInteger n = clients.computeIfAbsent(kind, k -> {
      AtomicInteger count = new AtomicInteger();
      Gauge.builder(MetricNames.CLIENTS, count, AtomicInteger::get).description("Live clients connected to this node")
          .tag("kind", k).register(registry);
      return count;
    });
    n.incrementAndGet();
    return n::decrementAndGet;
  }

  /** Cluster membership and readiness, read when scraped. */
  public void cluster(IntSupplier members, IntSupplier quorum, IntSupplier ready) {
    Gauge.builder(MetricNames.MEMBERS, members::getAsInt).description("Members of the cluster").register(registry);
    Gauge.builder(MetricNames.QUORUM, quorum::getAsInt).description("1 when the cluster has its quorum").register(registry);
    Gauge.builder(MetricNames.READY, ready::getAsInt).description("1 when this node can run commands").register(registry);
  }

  /**
   * Runs before each scrape: the state of the branches is reported from what the member holds
   * when it is asked, rather than refreshed on a timer.
   */
  public void beforeScrape(Runnable refresh) {
    this.beforeScrape = refresh;
  }

  /** Events of the store that could not be read and were set aside, read when scraped. */
  public void setAside(java.util.function.LongSupplier count) {
    // Held here: a meter holds what it reads only weakly.
    setAside = count;
    io.micrometer.core.instrument.FunctionCounter.builder(MetricNames.SET_ASIDE, this, m -> (double) m.setAside.getAsLong())
        .description("Stored events that could not be read and were set aside").register(registry);
  }

  public String scrape() {
    beforeScrape.run();
    return registry.scrape();
  }
}
