package dk.queue.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The expected wait for a place in a service's queue: a fast forward of the desks' call policy
 * ({@link CallPolicy}) from the current state, in expectation.
 *
 * <ul>
 *   <li>Busy desks free up one at a time: while desks are busy, departures come at the sum of their
 *       rates (1 / mean service time of the service each is serving), the desk that has served
 *       longest relative to its mean freeing first. With n busy desks of mean m a departure comes
 *       every m / n, so the ticket at position p behind busy desks waits about p · m / n.</li>
 *   <li>A freed desk calls as {@link CallPolicy} does: an overdue head first, else its services in
 *       priority order. The other services' tickets (those waiting and those arriving at their
 *       recent rate, over the last {@link #RATE_WINDOW}, for as long again as it was seen) take
 *       desks before the ticket when the desk ranks them higher. Later tickets of the ticket's own
 *       service queue behind it.</li>
 *   <li>The mean service time starts from the configured one, moved to the earlier days' mean
 *       where that is clearly different, and moves on to today's as today's becomes clearly
 *       different ({@link #moved}). Today's mean counts the time of services still in progress
 *       (each up to the mean it starts from).</li>
 *   <li>Booked times take their capacity: the tickets of checked-in bookings and today's bookings
 *       still to come fall due at their booked time, and a desk serving their service calls them
 *       then ahead of every queue ({@link CallPolicy}); a desk with nobody else to call takes a
 *       checked-in booking early. A booking not checked in is expected to come (none is left out
 *       for no-shows).</li>
 * </ul>
 * The range is the wait ± 0.675 standard deviations of the sum of the departure gaps (the middle
 * half for a wait that is about normal). Nothing is estimated when no open desk serves the
 * service. The work is bounded by {@value #MAX_STEPS} steps of the fast forward.
 */
public final class WaitEstimator {
  /** Services of the mean that is moved counted with those that move it (see {@link #moved}). */
  static final int PRIOR_WEIGHT = 5;
  /**
   * The chance that noise moves a right mean at all, however long the day (see {@link #threshold}):
   * for a mean earlier days have borne out, and for one only configured.
   */
  static final double FALSE_MOVES = 0.001;
  static final double UNTRIED_FALSE_MOVES = 0.01;
  static final Duration RATE_WINDOW = Duration.ofHours(2);
  static final int MAX_STEPS = 4000;
  /**
   * The most tickets of each queue the fast forward takes from the state; those behind them are
   * served at the pace of their desks. Keeps an estimate's cost independent of the queue's length.
   */
  static final int QUEUE_KEPT = 100;

  private WaitEstimator() {}

  /** The expected wait, and a range for it, in seconds. */
  public record Estimate(long seconds, long low, long high) {}

  /** The expected wait at the time of the state's newest event (see {@link #estimate}). */
  public static OptionalLong seconds(BranchState state, String serviceId, int position) {
    return seconds(state, serviceId, position, latest(state));
  }

  public static OptionalLong seconds(BranchState state, String serviceId, int position, Instant now) {
    return estimate(state, serviceId, position, now).map(e -> OptionalLong.of(e.seconds())).orElse(OptionalLong.empty());
  }

  /**
   * The expected wait of the ticket at {@code position} (1 = next) in a service's queue, or of a
   * ticket taken now when the position is past the end of the queue.
   */
  public static Optional<Estimate> estimate(BranchState state, String serviceId, int position, Instant now) {
    if (Availability.openDesksServing(state, serviceId) == 0) {
      return Optional.empty();
    }
    return Optional.of(new FastForward(state, serviceId, position, now).run());
  }

  /** Today's estimate of the mean service time, in seconds, at {@code now}. */
  public static double meanServiceSeconds(BranchState state, String serviceId, Instant now) {
    double configured = state.def().service(serviceId).map(ServiceDef::serviceSeconds).orElse(300);
    HandlingStats h = state.handling(serviceId);
    double start = moved(configured, h.earlierServed(), h.earlierSeconds(), FALSE_MOVES);
    double inProgress = 0;
    // Only a desk's current ticket can be in service: look at the desks, not at every ticket.
    for (Desk d : state.desks().values()) {
      Ticket t = d.current() == null ? null : state.tickets().get(d.current());
      if (t != null && t.state() == TicketState.SERVING && t.service().equals(serviceId) && t.startedAt() != null) {
        inProgress += Math.min(start, Math.max(0, Duration.between(t.startedAt(), now).toMillis() / 1000.0));
      }
    }
    return moved(start, h.served(), h.totalSeconds() + inProgress,
        h.earlierServed() > 0 ? FALSE_MOVES : UNTRIED_FALSE_MOVES);
  }

  /**
   * The mean {@code from} moved towards that of {@code count} services of {@code seconds} in all,
   * as far as they clearly differ from it. With K = {@value #PRIOR_WEIGHT} services of {@code from}
   * counted in (so that a few services cannot swing it), their mean is (K · from + seconds) /
   * (K + count) = from + d. With z² = d² · (K + count) / from² (d in squared standard errors of
   * that mean, for exponential times) the result is from + d · min(1, max(0, (z² − S) / S)), S =
   * {@link #threshold}: noise moves nothing, and a difference beyond 2 S moves the mean all the
   * way, continuously in between.
   */
  static double moved(double from, double count, double seconds, double alpha) {
    double n = PRIOR_WEIGHT + count;
    double d = (PRIOR_WEIGHT * from + seconds) / n - from;
    double noise = threshold(n, alpha) * from * from / n;
    return from + Math.min(1, Math.max(0, (d * d - noise) / noise)) * d;
  }

  /**
   * How many squared standard errors the services' mean must be off the one it would move to
   * count, with n = K + services counted: Robbins' normal-mixture boundary
   * (1 + K/n) · ln((n + K) / (K · α²)), which normal noise about a right mean crosses with
   * probability at most α however often it is looked at. For α = {@value #FALSE_MOVES}: about 17.8
   * after 50 services, 18.6 after 500.
   */
  static double threshold(double n, double alpha) {
    return (1 + PRIOR_WEIGHT / n) * Math.log((n + PRIOR_WEIGHT) / (PRIOR_WEIGHT * alpha * alpha));
  }

  /**
   * Tickets of each of {@code services} issued per second over the recent window (today's tickets
   * only), in one pass. Bounded work whatever the queue's length: the waiting tickets are counted
   * from the newest back, at most {@link #QUEUE_KEPT}; the others taken into account are those at
   * the desks and the finished ones the state keeps, newest first, up to the first that ended
   * before the window (those after it were issued before it too).
   */
  static Recent arrivalRates(BranchState state, List<String> services, Instant now) {
    Rates last = lastRates;
    if (last != null && last.state == state && last.now.equals(now) && last.services.equals(services)) {
      return last.recent;
    }
    Recent recent = countRates(state, services, now);
    lastRates = new Rates(state, now, services, recent);
    return recent;
  }

  /**
   * Tickets issued per second, per service, over the last {@code seconds}: the fast forward expects
   * them at those rates for as long again, no longer (ten minutes after opening, a burst seen for
   * ten minutes is not a rate for the day). Not to be changed: shared by the estimates of one state.
   */
  record Recent(double[] perSecond, double seconds) {}

  /**
   * The rates last computed: a branch's view estimates every service of one state at one time, and
   * each estimate needs the same rates. A pure function's last answer, so sharing it is safe.
   */
  private static volatile Rates lastRates;

  private record Rates(BranchState state, Instant now, List<String> services, Recent recent) {}

  private static Recent countRates(BranchState state, List<String> services, Instant now) {
    Instant from = now.minus(RATE_WINDOW);
    Instant earliest = now;
    int[] count = new int[services.size()];
    for (ServiceDef d : state.def().services()) {
      List<String> queue = state.queue(d.id());
      if (queue.isEmpty()) {
        continue;
      }
      Instant head = state.tickets().get(queue.get(0)).issuedAt();
      earliest = head.isBefore(earliest) ? head : earliest;
      int s = services.indexOf(d.id());
      for (int i = queue.size() - 1; s >= 0 && i >= Math.max(0, queue.size() - QUEUE_KEPT); i--) {
        if (!state.tickets().get(queue.get(i)).issuedAt().isAfter(from)) {
          break;
        }
        count[s]++;
      }
    }
    for (Desk d : state.desks().values()) {
      Ticket t = d.current() == null ? null : state.tickets().get(d.current());
      if (t != null) {
        earliest = t.issuedAt().isBefore(earliest) ? t.issuedAt() : earliest;
        countWalkIn(state, t, services, from, count);
      }
    }
    for (Ticket t : state.finished()) {
      if (t.endedAt() != null && !t.endedAt().isAfter(from)) {
        earliest = from;
        break;
      }
      earliest = t.issuedAt().isBefore(earliest) ? t.issuedAt() : earliest;
      countWalkIn(state, t, services, from, count);
    }
    double window = Math.max(Duration.ofMinutes(10).getSeconds(),
        Math.min(RATE_WINDOW.getSeconds(), Duration.between(earliest, now).getSeconds()));
    double[] rates = new double[count.length];
    for (int i = 0; i < count.length; i++) {
      rates[i] = count[i] / window;
    }
    return new Recent(rates, window);
  }

  /** Counts a ticket taken after {@code from}, not at a booking's check-in (those are counted as bookings). */
  private static void countWalkIn(BranchState state, Ticket t, List<String> services, Instant from, int[] count) {
    if (t.issuedAt().isAfter(from) && (state.bookings().tickets().isEmpty() || state.bookings().byTicket(t.id()).isEmpty())) {
      int s = services.indexOf(t.service());
      if (s >= 0) {
        count[s]++;
      }
    }
  }

  private static Instant latest(BranchState state) {
    Instant t = Instant.EPOCH;
    for (Ticket k : state.tickets().values()) {
      t = max(max(max(t, k.queuedAt()), k.calledAt()), k.startedAt());
    }
    for (CallRecord c : state.recentCalls()) {
      t = max(t, c.calledAt());
    }
    return state.finished().isEmpty() ? t : max(t, state.finished().get(0).endedAt());
  }

  private static Instant max(Instant a, Instant b) {
    return b != null && b.isAfter(a) ? b : a;
  }

  /** One fast forward; times in seconds from now. */
  private static final class FastForward {
    final List<String> services;
    final int own;
    final double[] target;
    final double[] mean;
    final double[] rate;
    final double[] nextArrival;
    /** When the arrivals at the recent rates end (see {@link Recent}). */
    final double horizon;
    final Queue[] queues;
    final int[][] deskServices;
    /** The service index each desk is busy with, or -1 when idle. */
    final int[] busy;
    final double[] credit;
    final int targetIndex;
    /** Tickets ahead of the one estimated that the fast forward leaves out ({@link #QUEUE_KEPT}). */
    final int beyond;
    /** Booked tickets by due time (seconds from now, 0 when due already): service, checked in, called. */
    final double[] bookedDue;
    final int[] bookedService;
    final boolean[] bookedCheckedIn;
    final boolean[] bookedCalled;

    FastForward(BranchState state, String serviceId, int position, Instant now) {
      services = state.def().services().stream().map(ServiceDef::id).toList();
      int n = services.size();
      own = services.indexOf(serviceId);
      target = new double[n];
      mean = new double[n];
      rate = new double[n];
      nextArrival = new double[n];
      queues = new Queue[n];
      Recent recent = arrivalRates(state, services, now);
      horizon = recent.seconds();
      for (int i = 0; i < n; i++) {
        String s = services.get(i);
        target[i] = state.def().services().get(i).targetWaitSeconds();
        mean[i] = Math.max(1, meanServiceSeconds(state, s, now));
        queues[i] = new Queue();
        List<String> waiting = state.queue(s);
        int ahead = i == own ? Math.min(position - 1, QUEUE_KEPT) : Math.min(waiting.size(), QUEUE_KEPT);
        int keep = Math.min(ahead, waiting.size());
        for (int k = 0; k < keep; k++) {
          queues[i].add(-seconds(state.tickets().get(waiting.get(k)).queuedAt(), now));
        }
        for (int k = keep; k < ahead; k++) {
          queues[i].add(0);
        }
        rate[i] = i == own ? 0 : recent.perSecond()[i];
        nextArrival[i] = rate[i] > 0 && 1 / rate[i] <= horizon ? 1 / rate[i] : Double.POSITIVE_INFINITY;
      }
      Instant ownQueued = position <= state.queue(serviceId).size()
          ? state.tickets().get(state.queue(serviceId).get(position - 1)).queuedAt() : now;
      beyond = Math.max(0, position - 1 - QUEUE_KEPT);
      targetIndex = queues[own].size;
      queues[own].add(-seconds(ownQueued, now));
      List<Desk> open = new ArrayList<>();
      for (DeskDef d : state.def().desks()) {
        Desk desk = state.desks().get(d.id());
        if (desk != null && desk.staffedAndOpen()) {
          open.add(desk);
        }
      }
      deskServices = new int[open.size()][];
      busy = new int[open.size()];
      credit = new double[open.size()];
      Map<String, Ticket> tickets = state.tickets();
      for (int d = 0; d < open.size(); d++) {
        Desk desk = open.get(d);
        deskServices[d] = desk.services().stream().mapToInt(services::indexOf).filter(i -> i >= 0).toArray();
        Ticket current = desk.current() == null ? null : tickets.get(desk.current());
        // A ticket of a service no longer configured is served at the pace of the ticket's own.
        int serving = current == null ? -1 : services.indexOf(current.service());
        busy[d] = current == null ? -1 : serving >= 0 ? serving : own;
        if (current != null && current.startedAt() != null) {
          credit[d] = Math.min(0.99, seconds(current.startedAt(), now) / mean[busy[d]]);
        }
      }
      List<Booking> booked = booked(state, now);
      bookedDue = new double[booked.size()];
      bookedService = new int[booked.size()];
      bookedCheckedIn = new boolean[booked.size()];
      bookedCalled = new boolean[booked.size()];
      for (int k = 0; k < booked.size(); k++) {
        Booking b = booked.get(k);
        bookedDue[k] = Math.max(0, seconds(now, b.start()));
        bookedService[k] = services.indexOf(b.service());
        bookedCheckedIn[k] = b.state() == Booking.State.CHECKED_IN;
      }
    }

    /**
     * The bookings whose tickets desks will call: those checked in and waiting, and today's still to
     * come, by booked time.
     */
    static List<Booking> booked(BranchState state, Instant now) {
      List<Booking> booked = new ArrayList<>();
      for (Ticket t : BookedTickets.waiting(state, state.def().services().stream().map(ServiceDef::id).toList())) {
        booked.add(state.bookings().byTicket(t.id()).orElseThrow());
      }
      java.time.LocalDate today = now.atZone(state.def().zone()).toLocalDate();
      for (Booking b : state.bookings().bySecret().values()) {
        if (b.state() == Booking.State.BOOKED && b.start().isAfter(now)
            && b.start().atZone(state.def().zone()).toLocalDate().equals(today)
            && state.def().service(b.service()).isPresent()) {
          booked.add(b);
        }
      }
      booked.sort(java.util.Comparator.comparing(Booking::start).thenComparing(Booking::code));
      return booked;
    }

    /** The next time after {@code t} a booked ticket not called yet falls due. */
    double nextDue(double t) {
      for (int k = 0; k < bookedDue.length; k++) {
        if (!bookedCalled[k] && bookedDue[k] > t) {
          return bookedDue[k];
        }
      }
      return Double.POSITIVE_INFINITY;
    }

    /** Calls the first booked ticket of the desk's services due by {@code t} (any checked in, when {@code early}). */
    boolean callBooked(int d, double t, boolean early) {
      for (int k = 0; k < bookedDue.length; k++) {
        if (!bookedCalled[k] && (bookedDue[k] <= t || early && bookedCheckedIn[k]) && serves(d, bookedService[k])) {
          bookedCalled[k] = true;
          busy[d] = bookedService[k];
          credit[d] = 0;
          return true;
        }
      }
      return false;
    }

    Estimate run() {
      double t = 0;
      double pending = 0;
      double variance = 0;
      for (int d = 0; d < busy.length; d++) {
        if (busy[d] < 0 && call(d, t)) {
          return done(0, 0);
        }
      }
      for (int step = 0; step < MAX_STEPS; step++) {
        double busyRate = 0;
        for (int d = 0; d < busy.length; d++) {
          busyRate += busy[d] >= 0 ? 1 / mean[busy[d]] : 0;
        }
        double untilDeparture = busyRate > 0 ? (1 - pending) / busyRate : Double.POSITIVE_INFINITY;
        int arriving = -1;
        for (int i = 0; i < nextArrival.length; i++) {
          if (nextArrival[i] - t < untilDeparture && (arriving < 0 || nextArrival[i] < nextArrival[arriving])) {
            arriving = i;
          }
        }
        double due = nextDue(t);
        boolean falling = due - t < untilDeparture && (arriving < 0 || due < nextArrival[arriving]);
        if (arriving < 0 && busyRate == 0 && !falling) {
          break;
        }
        double dt = falling ? due - t : arriving >= 0 ? nextArrival[arriving] - t : untilDeparture;
        pending += busyRate * dt;
        for (int d = 0; d < busy.length; d++) {
          credit[d] += busy[d] >= 0 ? dt / mean[busy[d]] : 0;
        }
        t += dt;
        if (falling) {
          // A booked time has come: an idle desk serving its service calls it.
          for (int d = 0; d < busy.length; d++) {
            if (busy[d] < 0) {
              callBooked(d, t, false);
            }
          }
          continue;
        }
        if (arriving >= 0) {
          queues[arriving].add(t);
          nextArrival[arriving] += 1 / rate[arriving];
          if (nextArrival[arriving] > horizon) {
            nextArrival[arriving] = Double.POSITIVE_INFINITY;
          }
          for (int d = 0; d < busy.length; d++) {
            if (busy[d] < 0 && serves(d, arriving)) {
              call(d, t);
              break;
            }
          }
          continue;
        }
        pending = 0;
        variance += 1 / (busyRate * busyRate);
        int freed = -1;
        for (int d = 0; d < busy.length; d++) {
          if (busy[d] >= 0 && (freed < 0 || credit[d] > credit[freed])) {
            freed = d;
          }
        }
        busy[freed] = -1;
        if (call(freed, t)) {
          return done(t, variance);
        }
      }
      // Not reached within the bound (or nobody will call it): what is left at the pace of its desks.
      double desks = 0;
      for (int[] ds : deskServices) {
        desks += serves(ds, own) ? 1 : 0;
      }
      double left = queues[own].size - queues[own].head;
      return done(t + left * mean[own] / Math.max(1, desks), variance);
    }

    /** The estimate, with the tickets left out of the fast forward served at the pace of the service's desks. */
    Estimate done(double wait, double variance) {
      if (beyond == 0) {
        return estimate(wait, variance);
      }
      double desks = 0;
      for (int[] ds : deskServices) {
        desks += serves(ds, own) ? 1 : 0;
      }
      double pace = mean[own] / Math.max(1, desks);
      return estimate(wait + beyond * pace, variance + beyond * pace * pace);
    }

    /**
     * The desk calls as {@link CallPolicy} does: a booked ticket due, else the queues, else a booked
     * ticket checked in early; true when it calls the ticket estimated.
     */
    boolean call(int d, double t) {
      if (callBooked(d, t, false)) {
        return false;
      }
      int chosen = -1;
      for (int s : deskServices[d]) {
        if (!queues[s].isEmpty() && t - queues[s].peek() > target[s]) {
          chosen = s;
          break;
        }
      }
      if (chosen < 0) {
        for (int s : deskServices[d]) {
          if (!queues[s].isEmpty()) {
            chosen = s;
            break;
          }
        }
      }
      if (chosen < 0) {
        callBooked(d, t, true);
        return false;
      }
      boolean isTarget = chosen == own && queues[own].head == targetIndex;
      queues[chosen].head++;
      busy[d] = chosen;
      credit[d] = 0;
      return isTarget;
    }

    boolean serves(int d, int service) {
      return serves(deskServices[d], service);
    }

    static boolean serves(int[] ds, int service) {
      for (int s : ds) {
        if (s == service) {
          return true;
        }
      }
      return false;
    }

    static Estimate estimate(double wait, double variance) {
      double spread = 0.675 * Math.sqrt(variance);
      return new Estimate(Math.round(wait), Math.round(Math.max(0, wait - spread)), Math.round(wait + spread));
    }

    static double seconds(Instant from, Instant to) {
      return Duration.between(from, to).toMillis() / 1000.0;
    }
  }

  /** A queue of times in a growable array. */
  private static final class Queue {
    double[] at = new double[8];
    int size;
    int head;

    void add(double time) {
      if (size == at.length) {
        at = java.util.Arrays.copyOf(at, size * 2);
      }
      at[size++] = time;
    }

    boolean isEmpty() {
      return head == size;
    }

    double peek() {
      return at[head];
    }
  }
}
