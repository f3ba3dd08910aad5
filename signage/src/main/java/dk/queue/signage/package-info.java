/** Waiting-room screens: Handlebars pages rendered on the server and kept live over Server-Sent Events. */
package dk.queue.signage;
