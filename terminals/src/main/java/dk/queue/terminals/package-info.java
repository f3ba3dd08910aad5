/** The kiosk, the staff desk, the phone ticket page and the start page. */
package dk.queue.terminals;
