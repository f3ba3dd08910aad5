package dk.queue.core.views;

import dk.queue.core.domain.LocalizedText;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A branch as one audience sees it ({@code GET /api/branches/{branch}} and its event stream). The
 * public view leaves out {@code waiting}, each desk's {@code staff} and {@code pauseReason}, and
 * the current ticket's id; absent fields are not written.
 *
 * @param issuedPerHour today's tickets issued in each local hour, 0 to 23
 * @param waiting       staff only: waiting tickets in calling order, at most a few per service
 * @param today         the branch's closed day or day of special hours, when today is one; else null
 */
public record BranchView(String id, String name, long seq, List<ServiceView> services, List<DeskView> desks,
                         List<CallView> recentCalls, List<Integer> issuedPerHour, List<WaitingView> waiting,
                         TodayView today) {

  /**
   * Today is a closed day ({@code closed}) or a day of special hours, with the reason (null when
   * none is configured) and, when closed, the next opening of any of the branch's services.
   */
  public record TodayView(boolean closed, LocalizedText reason, OffsetDateTime opensAt) implements Serializable {}

  /**
   * A service at the branch. {@code estimatedWaitSeconds} is for a ticket taken now, null when no
   * desk serves it; {@code opensAt} is the next opening when closed, {@code closesAt} the closing
   * when open; {@code estimatedWaitRangeSeconds} the likely range [from, to] of a longer wait, or null;
   * {@code unserved} true when citizens wait for it and no open desk serves it now.
   */
  public record ServiceView(String id, LocalizedText name, String letter, String group, boolean available,
                            boolean appointmentOnly, int waiting, Long estimatedWaitSeconds, int targetWaitSeconds,
                            long longestWaitSeconds, OffsetDateTime opensAt, OffsetDateTime closesAt,
                            List<Long> estimatedWaitRangeSeconds, boolean unserved) implements Serializable {}

  /** A desk; {@code staff} (the user signed in) and {@code pauseReason} are for staff only. */
  public record DeskView(String id, String name, String state, List<String> services, CurrentTicket current,
                         String pauseReason, String staff, OffsetDateTime closesAt) implements Serializable {
    /** A desk that does not close by itself. */
    public DeskView(String id, String name, String state, List<String> services, CurrentTicket current,
                    String pauseReason, String staff) {
      this(id, name, state, services, current, pauseReason, staff, null);
    }
  }

  /** The ticket at a desk; its {@code id} only in the staff view. */
  public record CurrentTicket(String id, String number, String service, String state, OffsetDateTime calledAt,
                              OffsetDateTime startedAt) implements Serializable {}

  /** A recent call, by number and desk. */
  public record CallView(String number, String service, String desk, String deskName, OffsetDateTime calledAt) {}

  /** A waiting ticket, for staff. */
  public record WaitingView(String id, String number, String service, OffsetDateTime issuedAt, long waitedSeconds) {}
}
