package dk.queue.core.metrics;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.Event;
import dk.queue.core.domain.Recorded;
import dk.queue.core.domain.ServiceDef;
import dk.queue.core.domain.Ticket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/** Turns events into counters and the wait and service-time histograms. */
final class EventRecorder {
  /** Histogram buckets, in minutes; each service's own target is added to them. */
  private static final long[] BUCKET_MINUTES = {1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120};
  private final MeterRegistry registry;

  EventRecorder(MeterRegistry registry) {
    this.registry = registry;
  }

  /** @param tickets the tickets the events name, as they are after the events */
  void record(BranchDef branch, List<Recorded> events, Map<String, Ticket> tickets) {
    for (Recorded r : events) {
      Counter.builder(MetricNames.EVENTS).description("Events run on this node")
          .tags("branch", r.branch(), "type", r.event().getClass().getSimpleName()).register(registry).increment();
      r.event().accept(new Visit(r, branch, tickets));
    }
  }

  private void count(String name, String description, BranchDef s, String service) {
    Counter.builder(name).description(description).tags("branch", s.id(), "service", service)
        .register(registry).increment();
  }

  private void time(String name, String description, BranchDef s, String service, Instant from, Instant to) {
    if (from == null || to == null) {
      return;
    }
    int target = s.service(service).map(ServiceDef::targetWaitSeconds).orElse(900);
    Duration[] buckets = LongStream.concat(LongStream.of(BUCKET_MINUTES).map(m -> m * 60), LongStream.of(target))
        .distinct().sorted().mapToObj(Duration::ofSeconds).toArray(Duration[]::new);
    Timer.builder(name).description(description).tags("branch", s.id(), "service", service)
        .serviceLevelObjectives(buckets).register(registry).record(Duration.between(from, to));
  }

  /** One event's part of the metrics. */
  private final class Visit implements Event.Visitor<Void> {
    private final Recorded r;
    private final BranchDef s;
    private final Map<String, Ticket> tickets;

    Visit(Recorded r, BranchDef s, Map<String, Ticket> tickets) {
      this.r = r;
      this.s = s;
      this.tickets = tickets;
    }

    private Ticket ticket(String id) {
      return tickets.get(id);
    }

    public Void ticketIssued(Event.TicketIssued e) {
      count(MetricNames.ISSUED, "Tickets issued", s, e.service());
      return null;
    }

    public Void ticketCalled(Event.TicketCalled e) {
      count(MetricNames.CALLED, "Tickets called", s, e.service());
      Ticket t = ticket(e.ticket());
      time(MetricNames.WAIT, "Time from joining a queue to being called", s, e.service(),
          t == null ? null : t.queuedAt(), r.at());
      return null;
    }

    public Void ticketDone(Event.TicketDone e) {
      Ticket t = ticket(e.ticket());
      if (t != null) {
        count(MetricNames.SERVED, "Tickets served", s, t.service());
        time(MetricNames.SERVICE_TIME, "Time at the desk", s, t.service(), t.startedAt(), r.at());
      }
      return null;
    }

    public Void ticketNoShow(Event.TicketNoShow e) {
      Ticket t = ticket(e.ticket());
      if (t != null) {
        count(MetricNames.NO_SHOW, "Tickets called without the citizen coming", s, t.service());
      }
      return null;
    }

    public Void ticketCancelled(Event.TicketCancelled e) {
      Ticket t = ticket(e.ticket());
      String service = e.service() != null ? e.service() : t == null ? null : t.service();
      if (service != null) {
        count(MetricNames.CANCELLED, "Tickets cancelled (citizen left, or expired at the day's end)", s, service);
      }
      return null;
    }

    public Void ticketTransferred(Event.TicketTransferred e) {
      count(MetricNames.TRANSFERRED, "Tickets transferred away from the service", s, e.fromService());
      return null;
    }

    public Void dayStarted(Event.DayStarted e) {
      return null;
    }

    public Void deskOpened(Event.DeskOpened e) {
      return null;
    }

    public Void deskPaused(Event.DeskPaused e) {
      return null;
    }

    public Void deskResumed(Event.DeskResumed e) {
      return null;
    }

    public Void deskClosed(Event.DeskClosed e) {
      return null;
    }

    public Void deskSignedOut(Event.DeskSignedOut e) {
      return null;
    }

    public Void deskTakenOver(Event.DeskTakenOver e) {
      return null;
    }

    public Void calledOutOfTurn(Event.CalledOutOfTurn e) {
      return null;
    }

    public Void ticketReopened(Event.TicketReopened e) {
      return null;
    }

    public Void moved(Event.Moved e) {
      if (e.change() instanceof dk.queue.core.domain.MoveEvent.Out o) {
        count(MetricNames.TRANSFERRED, "Tickets transferred away from the service", s, o.fromService());
      }
      return null;
    }

    public Void appointment(Event.Appointment e) {
      return null;
    }

    public Void ticketRecalled(Event.TicketRecalled e) {
      return null;
    }

    public Void serviceStarted(Event.ServiceStarted e) {
      return null;
    }

    public Void availabilityChanged(Event.AvailabilityChanged e) {
      return null;
    }

    public Void configChanged(Event.ConfigChanged e) {
      return null;
    }
  }
}
