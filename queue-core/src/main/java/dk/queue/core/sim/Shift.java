package dk.queue.core.sim;

import java.util.List;

/**
 * A desk's hours in a staffing plan: open from {@code open} to {@code close} seconds after the
 * start, calling its services in priority order.
 */
public record Shift(String desk, double open, double close, List<String> services) {
  public Shift {
    services = List.copyOf(services);
  }
}
