/** Micrometer metrics of the node, in the Prometheus format. */
package dk.queue.core.metrics;
