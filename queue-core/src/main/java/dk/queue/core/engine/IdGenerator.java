package dk.queue.core.engine;

import java.security.SecureRandom;

/**
 * New ticket ids: the branch id, a hyphen and 16 random base-32 characters (80 bits). The branch
 * prefix lets any node find the ticket's branch; the random part makes ids unguessable and, in
 * practice, never reused.
 */
public interface IdGenerator {
  /** The characters of the random part: base 32 without i, l, o, u. */
  String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

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
    byte[] hash;
    try {
      hash = java.security.MessageDigest.getInstance("SHA-256")
          .digest((branch + "\n" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    char[] token = new char[16];
    for (int i = 0; i < token.length; i++) {
      token[i] = ALPHABET.charAt((hash[i] & 0xff) % ALPHABET.length());
    }
    return branch + "-" + new String(token);
  }

  static IdGenerator random() {
    SecureRandom random = new SecureRandom();
    char[] alphabet = ALPHABET.toCharArray();
    return branch -> {
      char[] token = new char[16];
      for (int i = 0; i < token.length; i++) {
        token[i] = alphabet[random.nextInt(alphabet.length)];
      }
      return branch + "-" + new String(token);
    };
  }
}
