package dk.queue.core.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcollections.PMap;

/**
 * A branch's bookings, for today and the days ahead, kept across day boundaries. Bounded: slots
 * go {@link BookingDef#daysAhead} ahead at most and bookings are dropped
 * {@link BookingDef#keepDays} after their day.
 *
 * @param bySecret every booking by its secret
 * @param codes    the secret of each booking's code
 * @param tickets  the secret of each checked-in booking's ticket
 */
public record Bookings(Map<String, Booking> bySecret, Map<String, String> codes, Map<String, String> tickets)
    implements Serializable {
  public static final Bookings NONE = new Bookings(Map.of(), Map.of(), Map.of());

  public Bookings {
    bySecret = Persistent.map(bySecret);
    codes = Persistent.map(codes);
    tickets = Persistent.map(tickets);
  }

  public static Bookings of(List<Booking> all) {
    Bookings b = NONE;
    for (Booking x : all) {
      b = b.with(x);
    }
    return b;
  }

  public Optional<Booking> bySecret(String secret) {
    return Optional.ofNullable(secret == null ? null : bySecret.get(secret));
  }

  public Optional<Booking> byCode(String code) {
    return code == null ? Optional.empty() : bySecret(codes.get(code));
  }

  /** The checked-in booking a ticket came from, if it did. */
  public Optional<Booking> byTicket(String ticketId) {
    return ticketId == null ? Optional.empty() : bySecret(tickets.get(ticketId));
  }

  /** The bookings holding a place in this slot. */
  public int taken(String service, Instant start) {
    int n = 0;
    for (Booking b : bySecret.values()) {
      if (b.holdsPlace() && b.service().equals(service) && b.start().equals(start)) {
        n++;
      }
    }
    return n;
  }

  /** The bookings holding a place on this local day. */
  public int takenOn(BranchDef def, String service, LocalDate day) {
    int n = 0;
    for (Booking b : bySecret.values()) {
      if (b.holdsPlace() && b.service().equals(service) && b.start().atZone(def.zone()).toLocalDate().equals(day)) {
        n++;
      }
    }
    return n;
  }

  /** All bookings in time order. */
  public List<Booking> inOrder() {
    List<Booking> all = new ArrayList<>(bySecret.values());
    all.sort(Comparator.comparing(Booking::start).thenComparing(Booking::code));
    return all;
  }

  Bookings with(Booking b) {
    PMap<String, Booking> s = Persistent.map(bySecret).plus(b.secret(), b);
    PMap<String, String> c = Persistent.map(codes).plus(b.code(), b.secret());
    PMap<String, String> t = Persistent.map(tickets);
    if (b.ticket() != null) {
      t = t.plus(b.ticket(), b.secret());
    }
    return new Bookings(s, c, t);
  }
}
