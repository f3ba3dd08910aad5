package dk.queue.core.metrics;

import dk.queue.core.domain.Event;
import dk.queue.core.domain.Recorded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;

/**
 * The node's metrics, scraped at {@code /metrics}. Labels are bounded: branch ids and event type
 * names from the code and configuration, never ticket ids.
 */
public final class QueueMetrics {
  /** Events this node ran, by branch and type. */
  public static final String EVENTS = "queue.events";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public QueueMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public void record(List<Recorded> events) {
    for (Recorded r : events) {
      Event e = r.event();
      Counter.builder(EVENTS).description("Events run on this node")
          .tag("branch", r.branch()).tag("type", e.getClass().getSimpleName())
          .register(registry).increment();
    }
  }

  public String scrape() {
    return registry.scrape();
  }
}
