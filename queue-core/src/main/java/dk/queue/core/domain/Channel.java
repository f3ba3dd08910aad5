package dk.queue.core.domain;

/** Where a ticket was taken. */
public enum Channel { KIOSK, MOBILE, DESK }
