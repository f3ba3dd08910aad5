package dk.queue.core.views;

/** Who a view is for: anyone (no token), or signed-in staff. The ticket holder has {@link TicketView}. */
public enum Audience { PUBLIC, STAFF }
