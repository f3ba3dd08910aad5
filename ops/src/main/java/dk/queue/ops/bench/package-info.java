/**
 * The load and latency benchmark: {@link dk.queue.ops.bench.Bench} starts a cluster of nodes and a
 * cluster of {@link dk.queue.ops.bench.BaselineNode}s on 127.0.0.1, drives both with the same
 * clients, and prints each figure of ours beside the raw baseline's.
 */
package dk.queue.ops.bench;
