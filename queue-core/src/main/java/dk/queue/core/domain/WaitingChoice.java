package dk.queue.core.domain;

import java.io.Serializable;

/**
 * What becomes of the citizens waiting for services that a desk closing or pausing leaves with no
 * open desk: staff choose one when they close or pause the last desk of such a service.
 *
 * @param kind    what to do with them
 * @param service for {@link Kind#MOVE}: the service they move to, or null
 * @param message for {@link Kind#END}: what their phones show (at most {@link #MESSAGE_MAX} characters)
 * @param branch  for {@link Kind#MOVE}: another branch whose service they move to ({@link Moves}), or null for this branch
 */
public record WaitingChoice(Kind kind, String service, String message, String branch) implements Serializable {
  /** The longest message shown on the phones of tickets ended this way. */
  public static final int MESSAGE_MAX = 200;

  public enum Kind {
    /** They keep their place; their phones, the kiosk and the screens say that no desk serves them now. */
    KEEP,
    /** They move to another service of the branch, in the order they were issued. */
    MOVE,
    /** Their tickets end, with the message on their phones. */
    END
  }

  public WaitingChoice(Kind kind, String service, String message) {
    this(kind, service, message, null);
  }

  /** Whether they move to another branch than {@code own}. */
  public boolean toOtherBranch(String own) {
    return kind == Kind.MOVE && branch != null && !branch.equals(own);
  }

  public static WaitingChoice keep() {
    return new WaitingChoice(Kind.KEEP, null, null);
  }

  public static WaitingChoice moveTo(String service) {
    return new WaitingChoice(Kind.MOVE, service, null);
  }

  public static WaitingChoice moveTo(String branch, String service) {
    return new WaitingChoice(Kind.MOVE, service, null, branch);
  }

  public static WaitingChoice end(String message) {
    return new WaitingChoice(Kind.END, null, message);
  }
}
