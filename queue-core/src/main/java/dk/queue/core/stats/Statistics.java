package dk.queue.core.stats;

import dk.queue.core.domain.Booking;
import dk.queue.core.domain.BookingEvent;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.SpecialDay;
import dk.queue.core.domain.Event;
import dk.queue.core.domain.Recorded;
import dk.queue.core.domain.ServiceDef;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes a branch's statistics from its events. Pure: the same events give the same figures.
 * Tickets do not outlive their day: the first command or tick after midnight expires the ones left
 * over. So the events of whole local days hold everything their figures need, except those
 * expirations, which come early on the day after: that day's events are read too, and only its
 * expirations of the range's tickets count (in the hour the ticket joined its last queue).
 */
public final class Statistics {
  /** Called this much later than told counts as late. */
  public static final long LATE_SECONDS = 300;

  private Statistics() {}

  /**
   * The statistics of a branch over whole local days.
   *
   * @param events the branch's events of {@link #span}, in seq order
   */
  public static BranchStatistics compute(BranchDef def, LocalDate from, LocalDate to, List<Recorded> events) {
    Tally tally = new Tally(def, to);
    for (Recorded r : events) {
      tally.take(r);
    }
    tally.countBookings(from, to);
    List<StatsRow> hours = new ArrayList<>();
    List<StatsRow> days = new ArrayList<>();
    tally.hourly.forEach((key, bucket) -> (key.hour < 0 ? days : hours).add(bucket.row(def.id(), key.service,
        key.date, key.hour < 0 ? null : key.hour)));
    List<StatsRow> totals = new ArrayList<>();
    for (ServiceDef s : def.services()) {
      totals.add(tally.totals.getOrDefault(s.id(), new Bucket(s.targetWaitSeconds())).row(def.id(), s.id(), null, null));
    }
    // Services no longer configured still count for the days they were offered.
    tally.totals.forEach((service, bucket) -> {
      if (def.service(service).isEmpty()) {
        totals.add(bucket.row(def.id(), service, null, null));
      }
    });
    List<SpecialDay.DayOff> special = from.datesUntil(to.plusDays(1))
        .flatMap(d -> def.closedDays().on(d).stream()).toList();
    return new BranchStatistics(def.id(), from, to, hours, totals, days, special);
  }

  /**
   * The events {@link #compute} needs for a range of whole local days: from the start of {@code from}
   * to the end of the day after {@code to} (for the expirations of the range's last day).
   */
  public static Instant[] span(BranchDef def, LocalDate from, LocalDate to) {
    return new Instant[] {from.atStartOfDay(def.zone()).toInstant(), to.plusDays(2).atStartOfDay(def.zone()).toInstant()};
  }

  /** Where a count goes: a service in one local hour, or (hour −1) in one local day. */
  private record Key(LocalDate date, int hour, String service) implements Comparable<Key> {
    public int compareTo(Key o) {
      int c = date.compareTo(o.date);
      if (c == 0) {
        c = Integer.compare(hour, o.hour);
      }
      return c != 0 ? c : service.compareTo(o.service);
    }
  }

  /** What is known of a ticket while its day is read. */
  private static final class Open {
    String service;
    Instant queuedAt;
    Instant startedAt;
    /** The wait told at issue; null after a transfer (it no longer applies) or when none was told. */
    Long told;
  }

  private record Ended(Open ticket, Instant at, boolean done, Long serviceTime) {}

  /** What is known of a booking: where it stands now, and when it was checked in and called against its time. */
  private static final class SeenBooking {
    String service;
    Instant start;
    Booking.State state;
    /** Check-in less the booked time, in seconds. */
    Long checkIn;
    /** The first call less the booked time, in seconds. */
    Long calledAfter;
  }

  /** The counts and durations of one service in one hour (or the whole range). */
  private static final class Bucket {
    final int targetWaitSeconds;
    int issued;
    int served;
    int noShow;
    int cancelled;
    int expired;
    int transferred;
    int calledOutOfTurn;
    int withinTarget;
    final List<Long> waits = new ArrayList<>();
    final List<Long> serviceTimes = new ArrayList<>();
    int judged;
    double squaredError;
    double error;
    double judgedWaits;
    int late;
    int booked;
    int bookedCheckedIn;
    int bookedNoShow;
    int bookedCancelled;
    final List<Long> checkIns = new ArrayList<>();
    final List<Long> calledAfterBooked = new ArrayList<>();

    Bucket(int targetWaitSeconds) {
      this.targetWaitSeconds = targetWaitSeconds;
    }

    void waited(long seconds) {
      waits.add(seconds);
      if (seconds <= targetWaitSeconds) {
        withinTarget++;
      }
    }

    /** A called ticket that was told a wait at issue. */
    void told(long told, long waited) {
      judged++;
      squaredError += (double) (told - waited) * (told - waited);
      error += told - waited;
      judgedWaits += waited;
      late += waited > told + LATE_SECONDS ? 1 : 0;
    }

    StatsRow row(String branch, String service, LocalDate date, Integer hour) {
      Double share = waits.isEmpty() ? null : round(withinTarget / (double) waits.size());
      boolean accuracy = judged > 0 && judgedWaits > 0;
      double meanWait = judgedWaits / judged;
      return new StatsRow(branch, service, date, hour, issued, served, noShow, cancelled, expired, transferred,
          Figures.of(waits), Figures.of(serviceTimes), share, judged,
          accuracy ? round(Math.sqrt(squaredError / judged) / meanWait) : null,
          accuracy ? round(error / judged / meanWait) : null,
          judged > 0 ? round(late / (double) judged) : null, calledOutOfTurn,
          booked == 0 ? null : new BookingFigures(booked, bookedCheckedIn, bookedNoShow, bookedCancelled,
              Figures.of(checkIns), Figures.of(calledAfterBooked)));
    }

    /** A booking for a time in this bucket, as it ended so far. */
    void booking(SeenBooking b) {
      booked++;
      switch (b.state) {
        case CHECKED_IN -> bookedCheckedIn++;
        case NO_SHOW -> bookedNoShow++;
        case CANCELLED -> bookedCancelled++;
        default -> { }
      }
      if (b.checkIn != null) {
        checkIns.add(b.checkIn);
      }
      if (b.calledAfter != null) {
        calledAfterBooked.add(b.calledAfter);
      }
    }

    private static double round(double v) {
      return Math.round(1000.0 * v) / 1000.0;
    }
  }

  /** Reads events one by one into hourly and total buckets. */
  private static final class Tally implements Event.Visitor<Void> {
    final BranchDef def;
    final Map<Key, Bucket> hourly = new TreeMap<>();
    final Map<String, Bucket> totals = new java.util.LinkedHashMap<>();
    final Map<String, Open> tickets = new HashMap<>();
    /** Tickets that ended as done or no-show, as they were: a desk may take that back for a while. */
    final Map<String, Ended> ended = new HashMap<>();
    final LocalDate lastDay;
    /** The bookings seen, by secret, and the secret of each checked-in booking's ticket. */
    final Map<String, SeenBooking> bookings = new HashMap<>();
    final Map<String, String> bookedTickets = new HashMap<>();
    Instant at;

    Tally(BranchDef def, LocalDate lastDay) {
      this.def = def;
      this.lastDay = lastDay;
    }

    void take(Recorded r) {
      at = r.at();
      boolean after = at.atZone(def.zone()).toLocalDate().isAfter(lastDay);
      // Late bookings are marked no-shows at the branch's first command after their grace: maybe the next day.
      if (!after || r.event() instanceof Event.TicketCancelled c && "expired".equals(c.reason())
          || r.event() instanceof Event.Appointment a && a.change() instanceof BookingEvent.NoShow) {
        r.event().accept(this);
      }
    }

    /** Counts the bookings for times within the range, in the hour of their booked time. */
    void countBookings(LocalDate from, LocalDate to) {
      for (SeenBooking b : bookings.values()) {
        LocalDate day = b.start.atZone(def.zone()).toLocalDate();
        if (!day.isBefore(from) && !day.isAfter(to)) {
          count(b.service, b.start, bucket -> bucket.booking(b));
        }
      }
    }

    /** Counts something for a service in the current event's hour and in its total. */
    private void count(String service, java.util.function.Consumer<Bucket> what) {
      count(service, at, what);
    }

    /** Counts something for a service in the hour of {@code when} and in its total. */
    private void count(String service, Instant when, java.util.function.Consumer<Bucket> what) {
      int target = def.service(service).map(ServiceDef::targetWaitSeconds).orElse(0);
      ZonedDateTime local = when.atZone(def.zone());
      what.accept(hourly.computeIfAbsent(new Key(local.toLocalDate(), local.getHour(), service), k -> new Bucket(target)));
      what.accept(hourly.computeIfAbsent(new Key(local.toLocalDate(), -1, service), k -> new Bucket(target)));
      what.accept(totals.computeIfAbsent(service, k -> new Bucket(target)));
    }

    private static long seconds(Instant from, Instant to) {
      return Duration.between(from, to).getSeconds();
    }

    @Override
    public Void ticketIssued(Event.TicketIssued e) {
      Open t = new Open();
      t.service = e.service();
      t.queuedAt = at;
      t.told = e.estimatedWaitSeconds();
      tickets.put(e.ticket(), t);
      count(e.service(), b -> b.issued++);
      return null;
    }

    @Override
    public Void ticketCalled(Event.TicketCalled e) {
      Open t = tickets.get(e.ticket());
      if (t != null) {
        long wait = seconds(t.queuedAt, at);
        Long told = t.told;
        count(t.service, b -> {
          b.waited(wait);
          if (told != null) {
            b.told(told, wait);
          }
        });
        t.told = null;
      }
      SeenBooking b = bookings.get(bookedTickets.get(e.ticket()));
      if (b != null && b.calledAfter == null) {
        b.calledAfter = seconds(b.start, at);
      }
      return null;
    }

    @Override
    public Void serviceStarted(Event.ServiceStarted e) {
      Open t = tickets.get(e.ticket());
      if (t != null) {
        t.startedAt = at;
      }
      return null;
    }

    @Override
    public Void ticketDone(Event.TicketDone e) {
      Open t = tickets.remove(e.ticket());
      if (t != null) {
        Long time = t.startedAt == null ? null : seconds(t.startedAt, at);
        count(t.service, b -> {
          b.served++;
          if (time != null) {
            b.serviceTimes.add(time);
          }
        });
        ended.put(e.ticket(), new Ended(t, at, true, time));
      }
      return null;
    }

    @Override
    public Void ticketNoShow(Event.TicketNoShow e) {
      Open t = tickets.remove(e.ticket());
      if (t != null) {
        count(t.service, b -> b.noShow++);
        ended.put(e.ticket(), new Ended(t, at, false, null));
      }
      return null;
    }

    /** What was counted when the ticket ended is counted no more, in the hour it was counted in. */
    @Override
    public Void ticketReopened(Event.TicketReopened e) {
      Ended x = ended.remove(e.ticket());
      if (x != null) {
        count(x.ticket().service, x.at(), b -> {
          if (x.done()) {
            b.served--;
            if (x.serviceTime() != null) {
              b.serviceTimes.remove(x.serviceTime());
            }
          } else {
            b.noShow--;
          }
        });
        tickets.put(e.ticket(), x.ticket());
      }
      return null;
    }

    @Override
    public Void moved(Event.Moved e) {
      // Counted once across branches: issued at the first, transferred out of it, and waited for and
      // served at the other (not issued again there).
      if (e.change() instanceof dk.queue.core.domain.MoveEvent.Out o) {
        Open t = tickets.remove(o.ticket());
        if (t != null) {
          count(t.service, b -> b.transferred++);
        }
      } else if (e.change() instanceof dk.queue.core.domain.MoveEvent.In i) {
        Open t = new Open();
        t.service = i.service();
        t.queuedAt = at;
        tickets.put(i.ticket(), t);
      }
      return null;
    }

    /**
     * A booking checked in is a ticket issued for its service; its wait counts from its booked time
     * (or from the check-in, when that is later): how long after its time the desk called it. Every
     * booking is followed to how it ends, for {@link #countBookings}.
     */
    @Override
    public Void appointment(Event.Appointment e) {
      e.change().accept(new BookingEvent.Visitor<Void>() {
        public Void booked(BookingEvent.Booked b) {
          seen(b.booking());
          return null;
        }

        public Void moved(BookingEvent.Moved m) {
          SeenBooking b = bookings.get(m.secret());
          if (b != null) {
            b.start = m.start();
          }
          return null;
        }

        public Void cancelled(BookingEvent.Cancelled c) {
          return state(c.secret(), Booking.State.CANCELLED);
        }

        public Void checkedIn(BookingEvent.CheckedIn c) {
          Open t = new Open();
          t.service = c.service();
          t.queuedAt = c.start().isAfter(at) ? c.start() : at;
          tickets.put(c.ticket(), t);
          count(c.service(), b -> b.issued++);
          state(c.secret(), Booking.State.CHECKED_IN);
          SeenBooking b = bookings.get(c.secret());
          if (b != null) {
            b.checkIn = seconds(b.start, at);
            bookedTickets.put(c.ticket(), c.secret());
          }
          return null;
        }

        public Void noShow(BookingEvent.NoShow n) {
          return state(n.secret(), Booking.State.NO_SHOW);
        }

        /** Each day starts with the bookings as they stand: those not seen yet were made before. */
        public Void carried(BookingEvent.Carried c) {
          for (Booking b : c.bookings()) {
            if (!bookings.containsKey(b.secret())) {
              seen(b);
            }
          }
          return null;
        }
      });
      return null;
    }

    private void seen(Booking booking) {
      SeenBooking b = new SeenBooking();
      b.service = booking.service();
      b.start = booking.start();
      b.state = booking.state();
      bookings.put(booking.secret(), b);
    }

    private Void state(String secret, Booking.State state) {
      SeenBooking b = bookings.get(secret);
      if (b != null) {
        b.state = state;
      }
      return null;
    }

    @Override
    public Void calledOutOfTurn(Event.CalledOutOfTurn e) {
      Open t = tickets.get(e.ticket());
      if (t != null) {
        count(t.service, b -> b.calledOutOfTurn++);
      }
      return null;
    }

    @Override
    public Void ticketCancelled(Event.TicketCancelled e) {
      Open t = tickets.remove(e.ticket());
      if (t != null) {
        if ("expired".equals(e.reason())) {
          count(t.service, t.queuedAt, b -> b.expired++);
        } else {
          count(t.service, b -> b.cancelled++);
        }
      }
      return null;
    }

    @Override
    public Void ticketTransferred(Event.TicketTransferred e) {
      Open t = tickets.get(e.ticket());
      if (t != null) {
        count(t.service, b -> b.transferred++);
        t.service = e.toService();
        t.queuedAt = at;
        t.startedAt = null;
        t.told = null;
      }
      return null;
    }

    @Override
    public Void dayStarted(Event.DayStarted e) {
      ended.clear();
      return null;
    }

    @Override
    public Void deskOpened(Event.DeskOpened e) {
      return null;
    }

    @Override
    public Void deskPaused(Event.DeskPaused e) {
      return null;
    }

    @Override
    public Void deskResumed(Event.DeskResumed e) {
      return null;
    }

    @Override
    public Void deskClosed(Event.DeskClosed e) {
      return null;
    }

    @Override
    public Void deskSignedOut(Event.DeskSignedOut e) {
      return null;
    }

    @Override
    public Void deskTakenOver(Event.DeskTakenOver e) {
      return null;
    }

    @Override
    public Void ticketRecalled(Event.TicketRecalled e) {
      return null;
    }

    @Override
    public Void availabilityChanged(Event.AvailabilityChanged e) {
      return null;
    }

    @Override
    public Void configChanged(Event.ConfigChanged e) {
      return null;
    }
  }
}
