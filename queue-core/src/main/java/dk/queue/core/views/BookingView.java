package dk.queue.core.views;

import dk.queue.core.domain.LocalizedText;
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * A booking as its holder (who has its secret) or staff see it; never part of a public view.
 * {@code secret} is set for the holder only, {@code phone} and {@code email} for staff only.
 *
 * @param ticket the ticket it became at check-in (for its holder and staff), or null
 */
public record BookingView(String secret, String code, String branch, String service, LocalizedText serviceName,
                          LocalizedText bring, OffsetDateTime start, OffsetDateTime end, String state, String name,
                          String phone, String email, String language, TicketView ticket) implements Serializable {}
