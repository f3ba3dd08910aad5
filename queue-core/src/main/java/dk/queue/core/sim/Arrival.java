package dk.queue.core.sim;

/** A citizen taking a ticket {@code at} seconds after the start, served for {@code serviceSeconds} once called. */
public record Arrival(double at, String service, double serviceSeconds) {}
