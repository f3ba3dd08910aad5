package dk.queue.core.domain;

import static dk.queue.core.domain.BranchFixture.CPH;
import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.BookingRequest.Book;
import dk.queue.core.domain.Rejection.Reason;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bookings as part of the branch's single writer: given these commands, when this booking request,
 * then these events or this rejection. Passport is booked in 15-minute slots 09:00-16:00 on
 * weekdays, two per slot, 3 days ahead, one place a day held back for the day itself.
 */
class BookingTest {
  static final LocalDate WED = LocalDate.of(2026, 11, 25);
  final BranchFixture f = new BranchFixture();
  int codes;

  static OpeningHours weekdays() {
    EnumMap<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      hours.put(d, List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(16, 0))));
    }
    return new OpeningHours(hours);
  }

  static BranchDef bookedDef() {
    return bookedDef(new BookingDef(false, 15, weekdays(), 2, 3, 1, 10, 30, 30));
  }

  static BranchDef bookedDef(BookingDef booking) {
    BranchDef plain = BranchFixture.def();
    List<ServiceDef> services = new ArrayList<>();
    for (ServiceDef s : plain.services()) {
      services.add(s.id().equals("pas") ? new ServiceDef(s.id(), s.name(), s.letter(), s.group(), s.targetWaitSeconds(),
          s.serviceSeconds(), s.hours(), false, null, booking) : s);
    }
    return new BranchDef(plain.id(), plain.name(), plain.zone(), services, plain.desks());
  }

  @BeforeEach
  void bookable() {
    f.state = BranchState.initial(bookedDef(), WED);
  }

  static Instant at(LocalDate day, int hour, int minute) {
    return day.atTime(hour, minute).atZone(CPH).toInstant();
  }

  String code() {
    String a = Booking.CODE_ALPHABET;
    int n = codes++;
    return "" + a.charAt(n % a.length()) + a.charAt((n / a.length()) % a.length()) + "AAAA";
  }

  Command.Appointment book(String secret, Instant start) {
    return new Command.Appointment(f.now, new Book(secret, code(), "pas", start,
        new Booking.Contact("Jens Hansen", "+45 12345678", null), "da"));
  }

  Booking booking(String secret) {
    return f.state.bookings().bySecret(secret).orElseThrow();
  }

  @Test
  void noSlotsOnAClosedDayAndNoneAfterADaysSpecialClosingTime() {
    BranchDef open = bookedDef();
    LocalDate thu = WED.plusDays(1);
    BranchDef def = new BranchDef(open.id(), open.name(), open.zone(), open.services(), open.desks(),
        open.maxWaitingPerService(), new ClosedDays(List.of(
            SpecialDay.closed(thu, thu, new LocalizedText("Lukket", "Closed")),
            new SpecialDay(WED, WED, null, List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(14, 0))), null))));
    BookingDef booking = def.services().stream().filter(s -> s.id().equals("pas")).findFirst().orElseThrow().booking();
    assertThat(booking).as("the branch's closed days keep the booking block").isNotNull();
    assertThat(Slots.starts(def, booking, thu)).isEmpty();
    List<Instant> wednesday = Slots.starts(def, booking, WED);
    assertThat(wednesday).first().isEqualTo(at(WED, 9, 0));
    assertThat(wednesday).last().isEqualTo(at(WED, 13, 45));
    assertThat(Slots.starts(def, booking, WED.plusDays(2))).last().isEqualTo(at(WED.plusDays(2), 15, 45));
  }

  @Test
  void aSlotTakesNoMoreThanItsCapacity() {
    Instant slot = at(WED, 14, 0);
    f.given(book("s1", slot));
    f.given(book("s2", slot));
    f.rejected(book("s3", slot), Reason.SLOT_FULL);
    assertThat(f.state.bookings().taken("pas", slot)).isEqualTo(2);
    f.given(new Command.Appointment(f.now, new BookingRequest.Cancel("s1")));
    f.given(book("s3", slot));
    assertThat(f.state.bookings().taken("pas", slot)).isEqualTo(2);
  }

  @Test
  void badSlotsAreRefusedAndChangeNothing() {
    f.rejected(book("s1", at(WED, 11, 0)), Reason.SLOT_PAST);
    f.rejected(book("s1", at(WED, 16, 0)), Reason.SLOT_OUTSIDE_HOURS);
    f.rejected(book("s1", at(WED, 14, 5)), Reason.SLOT_OUTSIDE_HOURS);
    f.rejected(book("s1", at(WED.plusDays(3), 10, 0)), Reason.SLOT_OUTSIDE_HOURS); // Saturday
    f.rejected(book("s1", at(WED.plusDays(5), 10, 0)), Reason.SLOT_TOO_FAR);
    f.rejected(new Command.Appointment(f.now, new Book("s1", code(), "lib", at(WED, 14, 0),
        new Booking.Contact("A", null, null), "da")), Reason.NOT_BOOKABLE);
    f.rejected(new Command.Appointment(f.now, new Book("s1", code(), "pas", at(WED, 14, 0),
        new Booking.Contact(" ", null, null), "da")), Reason.INVALID);
    f.rejected(new Command.Appointment(f.now, new Book("s1", code(), "pas", at(WED, 14, 0),
        new Booking.Contact("A", null, "not-mail"), "da")), Reason.INVALID);
    f.rejected(new Command.Appointment(f.now, new Book("s1", "IIIIII", "pas", at(WED, 14, 0),
        new Booking.Contact("A", null, null), "da")), Reason.INVALID);
  }

  @Test
  void theSameBookingSentAgainIsDoneOnceAndACodeIsNeverGivenTwice() {
    Command.Appointment first = book("s1", at(WED, 14, 0));
    f.given(first);
    assertThat(f.given(first)).isEmpty();
    f.rejected(new Command.Appointment(f.now, new Book("s2", ((Book) first.request()).code(), "pas",
        at(WED, 14, 15), new Booking.Contact("B", null, null), "da")), Reason.CODE_TAKEN);
  }

  @Test
  void placesHeldBackForTheDayAreReleasedThatMorning() {
    LocalDate thu = WED.plusDays(1);
    int places = 28 * 2;
    for (int i = 0; i < places - 1; i++) {
      f.given(book("a" + i, at(thu, 9 + i / 8, (i / 2 % 4) * 15)));
    }
    f.rejected(book("last", at(thu, 15, 45)), Reason.SLOT_FULL);
    f.now = at(thu, 7, 0);
    f.given(book("last", at(thu, 15, 45)));
    assertThat(f.state.bookings().takenOn(f.state.def(), "pas", thu)).isEqualTo(places);
  }

  @Test
  void aCheckedInBookingIsCalledAtItsTimeAheadOfWalkInsWhoCameEarlier() {
    Instant slot = at(WED, 12, 30);
    Command.Appointment b = book("s1", slot);
    f.given(b);
    f.open("d1", "anna", "pas", "lib");
    String walkIn = f.issue("pas");
    f.minutesLater(5);
    f.given(new Command.Appointment(f.now, new BookingRequest.CheckIn(((Book) b.request()).code().toLowerCase(), "main-b1")));
    assertThat(booking("s1").state()).isEqualTo(Booking.State.CHECKED_IN);
    assertThat(f.ticket("main-b1").number()).isEqualTo("P002");
    assertThat(f.state.queue("pas")).containsExactly(walkIn);
    String later = f.issue("pas");
    f.minutesLater(25); // 12:30: the booked time has come
    assertThat(f.callNext("d1", "anna")).isEqualTo("main-b1");
  }

  @Test
  void walkInsFillTheGapsBeforeTheBookedTime() {
    Command.Appointment b = book("s1", at(WED, 12, 30));
    f.given(b);
    f.open("d1", "anna", "pas");
    f.open("d2", "bo", "pas");
    f.given(new Command.Appointment(f.now, new BookingRequest.CheckIn(((Book) b.request()).code(), "main-b1")));
    String walkIn = f.issue("pas");
    assertThat(f.callNext("d1", "anna")).isEqualTo(walkIn);
    // nobody else waits: the early booking is called rather than leave the desk idle
    assertThat(f.callNext("d2", "bo")).isEqualTo("main-b1");
  }

  @Test
  void checkInRulesTooEarlyTooLateCancelledUnknown() {
    Command.Appointment b = book("s1", at(WED, 14, 0));
    f.given(b);
    String code = ((Book) b.request()).code();
    Command.Appointment checkIn = new Command.Appointment(f.now, new BookingRequest.CheckIn(code, "main-b1"));
    f.rejected(checkIn, Reason.TOO_EARLY);
    assertThat(((Decision.Rejected) BranchMachine.decide(f.state, checkIn)).rejection().message())
        .contains("13:30");
    f.rejected(new Command.Appointment(f.now, new BookingRequest.CheckIn("XXXXXX", "main-b1")),
        Reason.UNKNOWN_BOOKING);
    f.now = at(WED, 14, 11);
    f.rejected(new Command.Appointment(f.now, new BookingRequest.CheckIn(code, "main-b1")), Reason.TOO_LATE);

    Command.Appointment other = book("s2", at(WED, 14, 30));
    f.given(other);
    f.given(new Command.Appointment(f.now, new BookingRequest.Cancel("s2")));
    f.rejected(new Command.Appointment(f.now, new BookingRequest.CheckIn(((Book) other.request()).code(), "main-b2")),
        Reason.BOOKING_CANCELLED);
  }

  @Test
  void tooEarlyOnTheBookedDayIsCheckedInToWaitWhenSoConfiguredWithTheBookedTicketsLetter() {
    f.state = BranchState.initial(bookedDef(new BookingDef(false, 15, weekdays(), 2, 3, 1, 10, 30, 30, "B", true)), WED);
    Command.Appointment today = book("s1", at(WED, 15, 0));
    Command.Appointment tomorrow = book("s2", at(WED.plusDays(1), 9, 0));
    f.given(today);
    f.given(tomorrow);
    f.open("d1", "anna", "pas");
    f.issue("pas");
    // 12:00, three hours before the booked time and long before check-in opens (14:30)
    f.given(new Command.Appointment(f.now, new BookingRequest.CheckIn(((Book) today.request()).code(), "main-b1")));
    assertThat(booking("s1").state()).isEqualTo(Booking.State.CHECKED_IN);
    assertThat(f.ticket("main-b1").number()).isEqualTo("B002");
    assertThat(f.ticket("main-b1").state()).isEqualTo(TicketState.WAITING);
    // on another day than the booked one it is still too early
    f.rejected(new Command.Appointment(f.now, new BookingRequest.CheckIn(((Book) tomorrow.request()).code(), "main-b2")),
        Reason.TOO_EARLY);
  }

  @Test
  void aBookingNotCheckedInByItsTimeAndGraceIsANoShow() {
    f.given(book("s1", at(WED, 12, 15)));
    f.now = at(WED, 12, 25);
    f.given(new Command.Tick(f.now));
    assertThat(booking("s1").state()).isEqualTo(Booking.State.BOOKED);
    f.now = at(WED, 12, 26);
    f.given(new Command.Tick(f.now));
    assertThat(booking("s1").state()).isEqualTo(Booking.State.NO_SHOW);
    assertThat(f.state.bookings().taken("pas", at(WED, 12, 15))).isZero();
  }

  @Test
  void movingKeepsTheCodeAndFreesTheOldSlot() {
    f.given(book("s1", at(WED, 14, 0)));
    f.given(book("s2", at(WED, 14, 15)));
    f.given(book("s3", at(WED, 14, 15)));
    f.rejected(new Command.Appointment(f.now, new BookingRequest.Move("s1", at(WED, 14, 15))), Reason.SLOT_FULL);
    String code = booking("s1").code();
    f.given(new Command.Appointment(f.now, new BookingRequest.Move("s1", at(WED, 15, 0))));
    assertThat(booking("s1").start()).isEqualTo(at(WED, 15, 0));
    assertThat(booking("s1").code()).isEqualTo(code);
    assertThat(f.state.bookings().taken("pas", at(WED, 14, 0))).isZero();
    f.given(new Command.Appointment(f.now, new BookingRequest.Cancel("s1")));
    f.rejected(new Command.Appointment(f.now, new BookingRequest.Move("s1", at(WED, 15, 15))),
        Reason.BOOKING_CANCELLED);
  }

  @Test
  void bookingsAreKeptAcrossDaysInTheNewDaysLogAndDroppedAfterTheirKeepingTime() {
    f.given(book("today", at(WED, 14, 0)));
    f.given(book("friday", at(WED.plusDays(2), 10, 0)));
    f.now = at(WED.plusDays(1), 8, 0);
    List<Recorded> day = new ArrayList<>(f.given(new Command.Tick(f.now)));
    // Replaying the new day's log alone (as after a full restart) restores both bookings.
    BranchState replayed = BranchState.initial(bookedDef(), WED.plusDays(1));
    for (Recorded r : day.subList(day.indexOf(day.stream()
        .filter(r -> r.event() instanceof Event.DayStarted).findFirst().orElseThrow()), day.size())) {
      replayed = replayed.apply(r);
    }
    assertThat(replayed.bookings()).isEqualTo(f.state.bookings());
    assertThat(replayed.bookings().bySecret().keySet()).containsExactlyInAnyOrder("today", "friday");
    assertThat(replayed.bookings().bySecret("today").orElseThrow().state()).isEqualTo(Booking.State.NO_SHOW);
    // 30 days after the appointment the booking and its personal data are gone
    f.now = at(WED.plusDays(31), 8, 0);
    f.given(new Command.Tick(f.now));
    assertThat(f.state.bookings().bySecret().keySet()).containsExactly("friday");
    f.now = at(WED.plusDays(33), 8, 0);
    f.given(new Command.Tick(f.now));
    assertThat(f.state.bookings().bySecret()).isEmpty();
  }

  @Test
  void freeSlotsCountWhatIsLeft() {
    f.given(book("s1", at(WED, 14, 0)));
    List<Slots.Slot> slots = Slots.free(f.state, f.state.def().service("pas").orElseThrow(), WED, f.now);
    assertThat(slots.get(0).start()).isEqualTo(at(WED, 12, 15));
    assertThat(slots).filteredOn(s -> s.start().equals(at(WED, 14, 0))).extracting(Slots.Slot::free).containsExactly(1);
    assertThat(slots).hasSize(15);
    assertThat(Slots.free(f.state, f.state.def().service("pas").orElseThrow(), WED.plusDays(4), f.now)).isEmpty();
  }
}
