/**
 * The pure domain of the queue: immutable records, commands, events, rejections and the one
 * state machine ({@link dk.queue.core.domain.BranchMachine}) that decides everything about a
 * branch. No I/O, no Vert.x, no Hazelcast, no JSON: the engine and the adapters around it are thin.
 *
 * <p>Everything that varies (time, new ids) arrives inside a {@link dk.queue.core.domain.Command},
 * so running the same command on the same state gives the same result on any member.
 */
package dk.queue.core.domain;
