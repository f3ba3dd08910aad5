package dk.queue.core.node;

import dk.queue.core.config.QueueConfig;
import dk.queue.core.domain.BookingDef;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.OpeningHours;
import dk.queue.core.domain.ServiceDef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@link TestConfig} with passport bookable at {@code main} (walk-in too): 15-minute slots around
 * the clock, {@code capacity} per slot, 30 days ahead, 10 minutes' grace, check-in 30 minutes early.
 */
public final class BookingConfig {
  private BookingConfig() {}

  public static QueueConfig create(int capacity) {
    QueueConfig c = TestConfig.create();
    BookingDef booking = new BookingDef(false, 15, OpeningHours.always(), capacity, 30, 0, 10, 30, 30);
    List<BranchDef> branches = c.branches().stream().map(b -> !b.id().equals("main") ? b
        : new BranchDef(b.id(), b.name(), b.zone(), b.services().stream().map(s -> !s.id().equals("pas") ? s
            : new ServiceDef(s.id(), s.name(), s.letter(), s.group(), s.targetWaitSeconds(), s.serviceSeconds(),
                s.hours(), false, s.bring(), booking)).toList(), b.desks(), b.maxWaitingPerService())).toList();
    return new QueueConfig(c.source(), branches, c.staff(), c.screens(), c.kiosks(), c.outcomeDefs(),
        c.staffSession(), c.looks(), c.retentionDays(), c.signedOutClose(), c.planning());
  }

  /** A clock that tests move: the real time plus an offset they set. */
  public static final class MovableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration d) {
      offset = offset.plus(d);
    }

    /** Moves the clock to {@code t} (forward or back). */
    public void set(Instant t) {
      offset = Duration.between(Instant.now(), t);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }
  }
}
