package dk.queue.core.domain;

import static dk.queue.core.domain.BookingTest.WED;
import static dk.queue.core.domain.BookingTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.BookingRequest.Book;
import dk.queue.core.domain.Rejection.Reason;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which bookings are due a reminder, recording one, and an import taken all or none (the rules of {@link BookingTest}). */
class BookingReminderImportTest {
  static final LocalTime SIX_PM = LocalTime.of(18, 0);
  final BranchFixture f = new BranchFixture();

  @BeforeEach
  void bookable() {
    f.state = BranchState.initial(BookingTest.bookedDef(), WED);
  }

  Book row(String secret, String code, java.time.Instant start, String phone) {
    return new Book(secret, code, "pas", start, new Booking.Contact("Jens Hansen", phone, null), "da");
  }

  Command.Appointment cmd(BookingRequest r) {
    return new Command.Appointment(f.now, r);
  }

  @Test
  void dueAtSixTheDayBeforeOnceAndAgainWhenMoved() {
    java.time.Instant thursday = at(WED.plusDays(1), 10, 0);
    f.given(cmd(row("s1", "CAAAAA", thursday, "+45 12345678")));
    f.given(cmd(row("s2", "DAAAAA", thursday, null))); // nobody to reach
    assertThat(BookingReminders.due(f.state, SIX_PM, at(WED, 17, 59))).isEmpty();
    assertThat(BookingReminders.due(f.state, SIX_PM, at(WED, 18, 0))).extracting(Booking::secret).containsExactly("s1");
    f.given(cmd(new BookingRequest.Remind("s1", thursday)));
    assertThat(f.lastEvents).extracting(Recorded::event)
        .containsExactly(new Event.Appointment(new BookingEvent.Reminded("s1", thursday)));
    assertThat(BookingReminders.due(f.state, SIX_PM, at(WED, 18, 1))).isEmpty();
    f.given(cmd(new BookingRequest.Remind("s1", thursday)));
    assertThat(f.lastEvents).as("recorded once").isEmpty();
    // Moved to Friday: reminded again on Thursday evening, not before.
    java.time.Instant friday = at(WED.plusDays(2), 10, 0);
    f.given(cmd(new BookingRequest.Move("s1", friday)));
    assertThat(BookingReminders.due(f.state, SIX_PM, at(WED, 20, 0))).isEmpty();
    assertThat(BookingReminders.due(f.state, SIX_PM, at(WED.plusDays(1), 18, 0))).extracting(Booking::secret)
        .containsExactly("s1");
    f.given(cmd(new BookingRequest.Cancel("s1")));
    assertThat(BookingReminders.due(f.state, SIX_PM, at(WED.plusDays(1), 18, 0))).as("cancelled").isEmpty();
  }

  @Test
  void anImportIsAllOrNoneCountsItsOwnRowsAndSkipsRowsImportedBefore() {
    java.time.Instant slot = at(WED.plusDays(1), 11, 0);
    List<Book> two = List.of(row("i1", "EAAAAA", slot, null), row("i2", "FAAAAA", slot, null));
    f.given(cmd(new BookingRequest.Import(two)));
    assertThat(f.state.bookings().taken("pas", slot)).isEqualTo(2);
    f.given(cmd(new BookingRequest.Import(two)));
    assertThat(f.lastEvents).as("imported before: nothing new").isEmpty();

    List<Book> over = List.of(row("i3", "HAAAAA", at(WED.plusDays(1), 11, 15), null), row("i4", "JAAAAA", slot, null));
    assertThat(BookingImport.check(f.state, over, f.now))
        .extracting(p -> p.row() + " " + p.rejection().reason()).containsExactly("2 " + Reason.SLOT_FULL);
    f.rejected(cmd(new BookingRequest.Import(over)), Reason.SLOT_FULL);
    assertThat(f.state.bookings().bySecret("i3")).as("the good row is not booked either").isEmpty();
  }
}
