package dk.queue.core.config;

import org.mindrot.jbcrypt.BCrypt;

/** Prints the bcrypt hash of a PIN, for the {@code pinHash} of a staff member in the configuration. */
public final class HashPin {
  private HashPin() {}

  public static void main(String[] args) {
    if (args.length != 1 || !args[0].matches("\\d{4,8}")) {
      System.err.println("Usage: java -cp queue-node.jar dk.queue.core.config.HashPin <PIN of 4-8 digits>");
      System.exit(2);
    }
    System.out.println(BCrypt.hashpw(args[0], BCrypt.gensalt(10)));
  }
}
