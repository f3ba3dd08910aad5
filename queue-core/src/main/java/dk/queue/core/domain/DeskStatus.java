package dk.queue.core.domain;

/**
 * The state of a desk as the API shows it. {@code CALLING} and {@code SERVING} are an open desk
 * with a current ticket in that phase; they are derived, never stored.
 */
public enum DeskStatus { CLOSED, OPEN, PAUSED, CALLING, SERVING }
