package dk.queue.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What clients see of a branch: the shapes of the public API, computed purely from the state and
 * the time. Times are in the branch's zone; durations in seconds; states in the API's lower case.
 */
public final class Views {
  private Views() {}

  /**
   * The snapshot of {@code GET /api/branches/{branch}}.
   *
   * @param issuedPerHour today's tickets issued in each local hour, 0 to 23
   */
  public record BranchSnapshot(String id, String name, long seq, List<ServiceView> services, List<DeskView> desks,
                               List<CallView> recentCalls, List<WaitingView> waiting, List<Integer> issuedPerHour) {}

  /**
   * A service at the branch. {@code estimatedWaitSeconds} is for a ticket taken now, null when no
   * desk serves it; {@code opensAt} is the next opening when closed, {@code closesAt} the closing
   * when open; {@code estimatedWaitRangeSeconds} see {@link #range}.
   */
  public record ServiceView(String id, LocalizedText name, String letter, String group, boolean available,
                            boolean appointmentOnly, int waiting, Long estimatedWaitSeconds, int targetWaitSeconds,
                            long longestWaitSeconds, OffsetDateTime opensAt, OffsetDateTime closesAt,
                            List<Long> estimatedWaitRangeSeconds) {}

  /** A desk; {@code staff} is the user signed in at it, when open. */
  public record DeskView(String id, String name, String state, List<String> services, CurrentTicket current,
                         String pauseReason, String staff) {}

  public record CurrentTicket(String id, String number, String service, String state, OffsetDateTime calledAt,
                              OffsetDateTime startedAt) {}

  public record CallView(String number, String service, String desk, String deskName, OffsetDateTime calledAt) {}

  public record WaitingView(String id, String number, String service, OffsetDateTime issuedAt, long waitedSeconds) {}

  /**
   * A ticket as {@code GET /api/tickets/{ticket}} shows it; position is 1 for the next in line;
   * {@code language} is the one the citizen took it in (da or en).
   */
  public record TicketView(String id, String number, String service, LocalizedText serviceName, String branch,
                           String state, OffsetDateTime issuedAt, Integer position, Long estimatedWaitSeconds,
                           String desk, String deskName, OffsetDateTime calledAt, String language,
                           List<Long> estimatedWaitRangeSeconds) {}

  public static BranchSnapshot snapshot(BranchState s, Instant now) {
    return new BranchSnapshot(s.def().id(), s.def().name(), s.seq(),
        s.def().services().stream().map(d -> service(s, d, now)).toList(),
        s.def().desks().stream().map(d -> desk(s, s.desks().get(d.id()))).toList(),
        s.recentCalls().stream().map(c -> new CallView(c.number(), c.service(), c.desk(), deskName(s, c.desk()),
            time(s, c.calledAt()))).toList(),
        s.def().services().stream().flatMap(d -> s.queue(d.id()).stream())
            .map(id -> s.tickets().get(id))
            .sorted(java.util.Comparator.comparing(Ticket::queuedAt))
            .map(t -> new WaitingView(t.id(), t.number(), t.service(), time(s, t.issuedAt()),
                Duration.between(t.queuedAt(), now).getSeconds()))
            .toList(),
        java.util.stream.IntStream.range(0, 24).mapToObj(h -> s.issuedByHour().getOrDefault(h, 0)).toList());
  }

  public static ServiceView service(BranchState s, ServiceDef d, Instant now) {
    ZonedDateTime local = now.atZone(s.def().zone());
    List<String> queue = s.queue(d.id());
    boolean available = Availability.isAvailable(s, d.id(), now);
    boolean open = d.hours().isOpen(local);
    long longest = queue.isEmpty() ? 0 : Duration.between(s.tickets().get(queue.get(0)).queuedAt(), now).getSeconds();
    Optional<WaitEstimator.Estimate> estimate = WaitEstimator.estimate(s, d.id(), queue.size() + 1, now);
    return new ServiceView(d.id(), d.name(), d.letter(), d.group(), available, d.appointmentOnly(), queue.size(),
        estimate.map(WaitEstimator.Estimate::seconds).orElse(null), d.targetWaitSeconds(), Math.max(0, longest),
        open ? null : d.hours().nextOpening(local).map(ZonedDateTime::toOffsetDateTime).orElse(null),
        open ? d.hours().closesAt(local).map(ZonedDateTime::toOffsetDateTime).orElse(null) : null,
        estimate.map(Views::range).orElse(null));
  }

  public static DeskView desk(BranchState s, Desk d) {
    Ticket t = d.current() == null ? null : s.tickets().get(d.current());
    CurrentTicket current = t == null ? null : new CurrentTicket(t.id(), t.number(), t.service(), code(t.state()),
        time(s, t.calledAt()), time(s, t.startedAt()));
    return new DeskView(d.id(), d.name(), code(status(s, d)), d.services(), current, d.pauseReason(), d.staff());
  }

  public static DeskStatus status(BranchState s, Desk d) {
    switch (d.mode()) {
      case CLOSED:
        return DeskStatus.CLOSED;
      case PAUSED:
        return DeskStatus.PAUSED;
      default:
        if (d.current() == null) {
          return DeskStatus.OPEN;
        }
        return s.tickets().get(d.current()).state() == TicketState.SERVING ? DeskStatus.SERVING : DeskStatus.CALLING;
    }
  }

  public static Optional<TicketView> ticket(BranchState s, String ticketId, Instant now) {
    return s.ticket(ticketId).map(t -> {
      Integer position = null;
      Optional<WaitEstimator.Estimate> estimate = Optional.empty();
      if (t.state() == TicketState.WAITING) {
        position = s.queue(t.service()).indexOf(t.id()) + 1;
        estimate = WaitEstimator.estimate(s, t.service(), position, now);
      }
      LocalizedText serviceName = s.def().service(t.service()).map(ServiceDef::name).orElse(new LocalizedText(t.service(), null));
      return new TicketView(t.id(), t.number(), t.service(), serviceName, s.def().id(), code(t.state()),
          time(s, t.issuedAt()), position, estimate.map(WaitEstimator.Estimate::seconds).orElse(null), t.desk(),
          t.desk() == null ? null : deskName(s, t.desk()), time(s, t.calledAt()), t.language(),
          estimate.map(Views::range).orElse(null));
    });
  }

  private static String deskName(BranchState s, String deskId) {
    return s.def().desk(deskId).map(DeskDef::name).orElse(deskId);
  }

  public static String code(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private static OffsetDateTime time(BranchState s, Instant t) {
    return t == null ? null : t.atZone(zone(s)).toOffsetDateTime();
  }

  private static ZoneId zone(BranchState s) {
    return s.def().zone();
  }

  /**
   * The likely range of a wait, [from, to] in whole minutes (as seconds), where it helps: for waits
   * of 5 minutes or more whose range spans 2 minutes or more; else null.
   */
  static List<Long> range(WaitEstimator.Estimate e) {
    long from = e.low() / 60 * 60;
    long to = (e.high() + 59) / 60 * 60;
    return e.seconds() >= 300 && to - from >= 120 ? List.of(from, to) : null;
  }
}
