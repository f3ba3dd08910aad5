package dk.queue.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.BookingRequest.Book;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The walk-in wait allows for the booked times the same desks will call ahead of it. One desk serves
 * passport (300 s a citizen); at 12:07 it serves W1 (called 12:00) and W2 and W3 wait: a ticket
 * taken now is called when W1, W2 and W3 are done, at +900 s. A booking for 12:15 (+480 s) is called
 * when the desk frees at +600 s, ahead of W3: the ticket waits one service longer, +1200 s.
 */
class WaitEstimatorBookingTest {
  final BranchFixture f = new BranchFixture();
  int codes;

  @BeforeEach
  void oneDeskServingPassportWithThreeWalkIns() {
    f.state = BranchState.initial(BookingTest.bookedDef(), BookingTest.WED);
    f.open("d1", "anna", "pas");
    f.issue("pas");
    f.callNext("d1", "anna");
    f.issue("pas");
    f.issue("pas");
  }

  long walkInWait() {
    return WaitEstimator.estimate(f.state, "pas", f.state.queue("pas").size() + 1, f.now).orElseThrow().seconds();
  }

  String book(String secret, Instant start) {
    String code = "CAAAA" + Booking.CODE_ALPHABET.charAt(codes++);
    f.given(new Command.Appointment(f.now, new Book(secret, code, "pas", start,
        new Booking.Contact("Tid Bestilt", null, null), "da")));
    return code;
  }

  @Test
  void withoutBookingsTheTicketWaitsForTheThreeAhead() {
    f.minutesLater(7);
    assertThat(walkInWait()).isEqualTo(900);
  }

  @Test
  void aBookingDueBeforeTheTicketsTurnTakesOneServiceOfTheDesk() {
    book("s1", BookingTest.at(BookingTest.WED, 12, 15));
    f.minutesLater(7);
    assertThat(walkInWait()).isEqualTo(1200);
  }

  @Test
  void aCheckedInBookingTakesItsPlaceTooAndOneAfterTheTicketsTurnTakesNothing() {
    String code = book("s1", BookingTest.at(BookingTest.WED, 12, 15));
    book("s2", BookingTest.at(BookingTest.WED, 13, 0));
    f.minutesLater(7);
    f.given(new Command.Appointment(f.now, new BookingRequest.CheckIn(code, "main-b1")));
    assertThat(walkInWait()).isEqualTo(1200);
  }

  @Test
  void aBookingTakesNothingFromADeskThatDoesNotServeItsService() {
    f.open("d2", "bo", "lib");
    book("s1", BookingTest.at(BookingTest.WED, 12, 15));
    f.minutesLater(7);
    // d2 serves library help only: the booked passport waits for d1, and d2 calls a library ticket at once
    assertThat(WaitEstimator.estimate(f.state, "lib", 1, f.now).orElseThrow().seconds()).isZero();
  }
}
