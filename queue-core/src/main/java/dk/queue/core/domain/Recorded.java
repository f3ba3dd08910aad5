package dk.queue.core.domain;

import java.io.Serializable;
import java.time.Instant;

/** An event as it happened at a branch: numbered by {@code seq}, strictly increasing per branch. */
public record Recorded(String branch, long seq, Instant at, Event event) implements Serializable {}
