package dk.queue.core.domain;

import java.io.Serializable;
import java.time.Instant;

/** A call as screens show it: number to desk. */
public record CallRecord(String ticket, String number, String service, String desk, Instant calledAt) implements Serializable {}
