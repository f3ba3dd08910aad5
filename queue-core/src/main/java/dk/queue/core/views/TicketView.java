package dk.queue.core.views;

import dk.queue.core.domain.LocalizedText;
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * A ticket as its holder sees it ({@code GET /api/tickets/{ticket}} and its event stream);
 * {@code position} is 1 for the next in line; {@code language} is the one the citizen took it in;
 * {@code estimatedWaitRangeSeconds} the likely range [from, to] of a longer wait, or null;
 * {@code unserved} true while it waits and no open desk serves its service; {@code movedFrom} the
 * service it waited for before it was moved, or null; {@code message} what staff ended it with, or null;
 * {@code movedTo} where it moved, for a ticket moved to another branch, or null.
 */
public record TicketView(String id, String number, String service, LocalizedText serviceName, String branch,
                         String state, OffsetDateTime issuedAt, Integer position, Long estimatedWaitSeconds,
                         String desk, String deskName, OffsetDateTime calledAt, String language,
                         java.util.List<Long> estimatedWaitRangeSeconds, Boolean unserved, LocalizedText movedFrom,
                         String message, MovedTo movedTo) implements Serializable {

  /**
   * The branch and service a ticket moved to, with its new number and its holder's new ticket id
   * once the other branch has it (null until then); the names are filled in from the configuration.
   */
  public record MovedTo(String branch, String branchName, String service, LocalizedText serviceName, String number,
                        String ticket) implements Serializable {}

  public TicketView(String id, String number, String service, LocalizedText serviceName, String branch,
                    String state, OffsetDateTime issuedAt, Integer position, Long estimatedWaitSeconds,
                    String desk, String deskName, OffsetDateTime calledAt, String language,
                    java.util.List<Long> estimatedWaitRangeSeconds, Boolean unserved, LocalizedText movedFrom,
                    String message) {
    this(id, number, service, serviceName, branch, state, issuedAt, position, estimatedWaitSeconds, desk, deskName,
        calledAt, language, estimatedWaitRangeSeconds, unserved, movedFrom, message, null);
  }

  /** The same view with where it moved. */
  public TicketView withMovedTo(MovedTo to) {
    return new TicketView(id, number, service, serviceName, branch, state, issuedAt, position, estimatedWaitSeconds,
        desk, deskName, calledAt, language, estimatedWaitRangeSeconds, unserved, movedFrom, message, to);
  }

  public TicketView(String id, String number, String service, LocalizedText serviceName, String branch,
                    String state, OffsetDateTime issuedAt, Integer position, Long estimatedWaitSeconds,
                    String desk, String deskName, OffsetDateTime calledAt, String language,
                    java.util.List<Long> estimatedWaitRangeSeconds) {
    this(id, number, service, serviceName, branch, state, issuedAt, position, estimatedWaitSeconds, desk, deskName,
        calledAt, language, estimatedWaitRangeSeconds, null, null, null, null);
  }
}
