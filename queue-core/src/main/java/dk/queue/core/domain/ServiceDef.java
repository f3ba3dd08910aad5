package dk.queue.core.domain;

import java.io.Serializable;
import java.util.Objects;

/**
 * A service as offered at one branch.
 *
 * @param group             the kiosk group it is shown under (for example "borgerservice")
 * @param targetWaitSeconds the wait the branch aims to keep below; past it a ticket goes ahead
 *                          of lower priorities at a desk
 * @param serviceSeconds    the expected time at the desk before any has been measured today
 * @param appointmentOnly   served by appointment only: no tickets from the kiosk
 * @param bring             what to bring, shown at the kiosk; null when nothing is configured
 * @param booking           how the service is booked here; null when it is walk-in only
 */
public record ServiceDef(
    String id,
    LocalizedText name,
    String letter,
    String group,
    int targetWaitSeconds,
    int serviceSeconds,
    OpeningHours hours,
    boolean appointmentOnly,
    LocalizedText bring,
    BookingDef booking) implements Serializable {
  public ServiceDef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(letter, "letter");
    Objects.requireNonNull(hours, "hours");
  }

  /** A service that is not booked. */
  public ServiceDef(String id, LocalizedText name, String letter, String group, int targetWaitSeconds,
                    int serviceSeconds, OpeningHours hours, boolean appointmentOnly, LocalizedText bring) {
    this(id, name, letter, group, targetWaitSeconds, serviceSeconds, hours, appointmentOnly, bring, null);
  }

  /** A service with nothing to bring. */
  public ServiceDef(String id, LocalizedText name, String letter, String group, int targetWaitSeconds,
                    int serviceSeconds, OpeningHours hours, boolean appointmentOnly) {
    this(id, name, letter, group, targetWaitSeconds, serviceSeconds, hours, appointmentOnly, null);
  }

  /** The same service with other hours. */
  public ServiceDef withHours(OpeningHours other) {
    return new ServiceDef(id, name, letter, group, targetWaitSeconds, serviceSeconds, other, appointmentOnly, bring, booking);
  }
}
