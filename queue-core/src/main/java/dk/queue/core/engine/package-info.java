/**
 * The engine: branch states in a Hazelcast map, commands run as entry processors where each branch
 * lives (one writer per branch), events published on the Vert.x event bus, an outbox drained into the
 * {@link dk.queue.core.engine.EventStore}, and per-node feeds that hand live updates to clients in
 * seq order.
 */
package dk.queue.core.engine;
