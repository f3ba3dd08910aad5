package dk.queue.core.metrics;

/** Every metric name of the node, defined once (Prometheus adds units and {@code _total}). */
public final class MetricNames {
  private MetricNames() {}

  public static final String EVENTS = "queue.events";
  public static final String ISSUED = "queue.tickets.issued";
  public static final String CALLED = "queue.tickets.called";
  public static final String SERVED = "queue.tickets.served";
  public static final String NO_SHOW = "queue.tickets.no.show";
  public static final String CANCELLED = "queue.tickets.cancelled";
  public static final String TRANSFERRED = "queue.tickets.transferred";
  public static final String WAIT = "queue.wait";
  public static final String SERVICE_TIME = "queue.service.time";
  public static final String CLIENTS = "queue.connected.clients";
  public static final String MEMBERS = "queue.cluster.members";
  public static final String QUORUM = "queue.cluster.quorum";
  public static final String READY = "queue.node.ready";
  public static final String SET_ASIDE = "queue.store.set.aside.events";
  /** Reminders of booked times, by channel (email, sms) and outcome (sent, failed). */
  public static final String REMINDERS = "queue.reminders";

  /** The state of a branch, reported by the member that owns it. */
  public enum Branch {
    WAITING("queue.waiting", "Tickets waiting now"),
    LONGEST_WAIT("queue.longest.wait.seconds", "How long the first ticket in line has waited"),
    TARGET_WAIT("queue.target.wait.seconds", "The service's target wait"),
    EXPECTED_WAIT("queue.expected.wait.seconds", "The expected wait of a ticket taken now"),
    AVAILABLE("queue.service.available", "1 when the service is available now"),
    SERVICE_DESKS("queue.service.desks", "Open, un-paused desks serving the service"),
    DESKS("queue.desks", "Desks by state"),
    OUTBOX("queue.outbox.backlog", "Events not yet in the store");

    final String name;
    final String description;

    Branch(String name, String description) {
      this.name = name;
      this.description = description;
    }
  }
}
