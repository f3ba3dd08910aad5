/** The built-in live overview of all branches for operations staff. */
package dk.queue.ops.overview;
