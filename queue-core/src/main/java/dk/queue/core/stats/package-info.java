/**
 * Statistics of the days, computed from the event log: per branch, service and local hour, the
 * tickets issued, served, not shown, cancelled and transferred, waiting and service times, and the
 * share called within the service's target wait. Pure functions over events, with no I/O: the HTTP
 * adapter reads the log and renders the result as JSON or CSV.
 */
package dk.queue.core.stats;
