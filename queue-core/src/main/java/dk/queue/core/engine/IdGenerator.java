package dk.queue.core.engine;

import dk.queue.core.domain.Ticket;
import java.security.SecureRandom;

/**
 * New ticket ids: the branch id, a hyphen and 16 random base-32 characters (80 bits). The branch
 * prefix lets any node find the ticket's branch; the random part makes ids unguessable and, in
 * practice, never reused.
 */
public interface IdGenerator {
  String newTicketId(String branch);

  /** The branch a ticket id belongs to, or null if the id is not of this form. */
  static String branchOf(String ticketId) {
    int dash = ticketId.lastIndexOf('-');
    return dash <= 0 ? null : ticketId.substring(0, dash);
  }

  /**
   * The ticket id of the request with this idempotency key at this branch: the same for every
   * retry of the request, so that the branch recognises a repeated issue; as unguessable as the key.
   */
  static String fromKey(String branch, String key) {
    return Ticket.derivedId(branch, branch + "\n" + key);
  }

  static IdGenerator random() {
    SecureRandom random = new SecureRandom();
    char[] alphabet = Ticket.ID_ALPHABET.toCharArray();
    return branch -> {
      char[] token = new char[16];
      for (int i = 0; i < token.length; i++) {
        token[i] = alphabet[random.nextInt(alphabet.length)];
      }
      return branch + "-" + new String(token);
    };
  }
}
