/** Who may do what: the roles of signed-in staff. */
package dk.queue.core.auth;
