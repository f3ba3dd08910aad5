/**
 * Reminders of booked times: by e-mail through SMTP and by SMS through an HTTP gateway, sent by the
 * member that owns the branch and recorded in the branch's log.
 */
package dk.queue.core.remind;
