package dk.queue.core.config;

import java.util.List;

/**
 * A ticket kiosk at a branch.
 *
 * @param languages           the languages it offers, the first shown first
 * @param printer             the receipt printer it sends ESC/POS to, or null to print from the browser
 * @param maxTicketsPerMinute the most tickets it issues in any minute; more is refused (429)
 * @param idleSeconds         how long it waits untouched before going back to the start
 * @param deviceKeySha256     the hex SHA-256 of the kiosk's device key, or null: a kiosk without a key
 *                            is treated as any anonymous client (its tickets count against its address)
 */
public record KioskDef(String id, String branch, String name, List<String> languages, Printer printer,
                       int maxTicketsPerMinute, int idleSeconds, String deviceKeySha256) {
  public static final int DEFAULT_MAX_TICKETS_PER_MINUTE = 10;
  public static final int DEFAULT_IDLE_SECONDS = 20;

  public KioskDef {
    languages = List.copyOf(languages);
    if (maxTicketsPerMinute < 1 || idleSeconds < 1) {
      throw new IllegalArgumentException("maxTicketsPerMinute and idleSeconds must be positive");
    }
    if (deviceKeySha256 != null && !deviceKeySha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("deviceKeySha256 is 64 lower-case hex digits");
    }
  }

  public KioskDef(String id, String branch, String name, List<String> languages, Printer printer,
                  int maxTicketsPerMinute, int idleSeconds) {
    this(id, branch, name, languages, printer, maxTicketsPerMinute, idleSeconds, null);
  }

  /** A kiosk with the default limits and no printer of its own. */
  public KioskDef(String id, String branch, String name, List<String> languages) {
    this(id, branch, name, languages, null, DEFAULT_MAX_TICKETS_PER_MINUTE, DEFAULT_IDLE_SECONDS);
  }

  public KioskDef withPrinter(Printer p) {
    return new KioskDef(id, branch, name, languages, p, maxTicketsPerMinute, idleSeconds, deviceKeySha256);
  }

  public KioskDef withDeviceKeySha256(String hash) {
    return new KioskDef(id, branch, name, languages, printer, maxTicketsPerMinute, idleSeconds, hash);
  }

  /** A receipt printer that takes raw ESC/POS over TCP (port 9100 by default, as most do). */
  public record Printer(String host, int port) {
    public static final int DEFAULT_PORT = 9100;

    public Printer {
      if (host == null || host.isBlank() || port < 1 || port > 65535) {
        throw new IllegalArgumentException("a printer needs a host and a port 1-65535");
      }
    }

    @Override
    public String toString() {
      return host + ":" + port;
    }
  }
}
