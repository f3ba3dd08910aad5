/** The one JSON mapping shared by the API, the event bus and the event store. */
package dk.queue.core.json;
