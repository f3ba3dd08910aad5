/** Assembling a node: Hazelcast member, clustered Vert.x, engine, store and HTTP server. */
package dk.queue.core.node;
