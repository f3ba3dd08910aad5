/**
 * Receipts for kiosks with a network printer: what a receipt says ({@link dk.queue.terminals.print.Receipt}),
 * its ESC/POS bytes ({@link dk.queue.terminals.print.EscPos}, pure) and the TCP sender
 * ({@link dk.queue.terminals.print.ReceiptPrinter}).
 */
package dk.queue.terminals.print;
