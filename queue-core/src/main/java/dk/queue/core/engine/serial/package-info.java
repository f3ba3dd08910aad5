/**
 * Hazelcast Compact serialization of what crosses the cluster: the domain's records (the branch
 * state, commands, events, rejections), the engine's replies and entry processors. The records
 * are written by one generic serializer that reads their components, so a new component costs no
 * code here, and a member that reads a value written before the component existed gets a default
 * (a rolling upgrade does not break on it). The domain itself stays free of Hazelcast.
 */
package dk.queue.core.engine.serial;
