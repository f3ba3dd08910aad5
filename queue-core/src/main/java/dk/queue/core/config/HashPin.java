package dk.queue.core.config;

import java.io.Console;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Prints the bcrypt hash of a PIN, for the {@code pinHash} of a staff member in the configuration:
 * {@code java -cp queue-node.jar dk.queue.core.config.HashPin 4711}. Without an argument it asks
 * for the PIN, which keeps the PIN out of the shell's history.
 */
public final class HashPin {
  /** Slow enough to make guessing a short PIN from a leaked file costly, fast enough for a login. */
  static final int COST = 10;
  private static final String USAGE = "Usage: java -cp queue-node.jar dk.queue.core.config.HashPin [PIN of 4-8 digits]";

  private HashPin() {}

  public static void main(String[] args) {
    String pin = args.length == 1 ? args[0] : args.length == 0 ? ask() : null;
    if (pin == null || !pin.matches("\\d{4,8}")) {
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    System.out.println(hash(pin));
  }

  /** A fresh hash of {@code pin}; each call has its own salt. */
  static String hash(String pin) {
    return BCrypt.hashpw(pin, BCrypt.gensalt(COST));
  }

  private static String ask() {
    Console console = System.console();
    if (console == null) {
      return null;
    }
    char[] pin = console.readPassword("PIN: ");
    return pin == null ? null : new String(pin);
  }
}
