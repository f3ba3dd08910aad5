package dk.queue.core.domain;

/** Where a transferred ticket goes in its new queue. */
public enum Placement { FIRST, LAST, BY_ISSUE_TIME }
