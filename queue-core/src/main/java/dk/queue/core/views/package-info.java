/**
 * Each audience's view of a branch, computed purely from the branch state and the time: the public
 * view (screens, kiosks, anyone without a token: no ticket id, no staff member, no waiting list,
 * bounded in size), the staff view (the public view plus who is signed in where and the waiting
 * tickets in the order a desk would call them, cut to the first that matter) and the ticket
 * holder's view of one ticket. The HTTP API, the screens, the terminals and {@code /ops} all use
 * these and nothing else. No I/O.
 */
package dk.queue.core.views;
