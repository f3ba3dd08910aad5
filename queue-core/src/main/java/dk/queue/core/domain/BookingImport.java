package dk.queue.core.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an import of bookings row by row before it is run, so that the answer names every bad
 * row rather than the first: each row is decided against the branch with the rows before it
 * booked. The import itself ({@link BookingRequest.Import}) decides again, all or none.
 */
public final class BookingImport {
  private BookingImport() {}

  /** A refused row: its number (from 1) and why. */
  public record Problem(int row, Rejection rejection) {}

  public static List<Problem> check(BranchState state, List<BookingRequest.Book> rows, Instant at) {
    List<Problem> problems = new ArrayList<>();
    BranchState s = state;
    for (int n = 0; n < rows.size(); n++) {
      BookingRequest.Book row = rows.get(n);
      if (row.secret() != null && s.bookings().bySecret(row.secret()).isPresent()) {
        continue;
      }
      Decision d = BranchMachine.decide(s, new Command.Appointment(at, row));
      if (d instanceof Decision.Rejected r) {
        problems.add(new Problem(n + 1, r.rejection()));
      } else if (d instanceof Decision.Accepted a) {
        s = a.state();
      }
    }
    return problems;
  }
}
