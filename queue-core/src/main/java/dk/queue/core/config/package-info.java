/**
 * The organisation's configuration: one YAML file describing services (names in Danish and
 * English, ticket letter, group, target wait), branches (time zone, the services offered there
 * with their opening hours, desks), staff (skills and a bcrypt hash of the PIN), screens, kiosks
 * and the outcomes staff may record. It is read once at start into the immutable
 * {@link dk.queue.core.config.QueueConfig}, whose branches are the domain's
 * {@link dk.queue.core.domain.BranchDef}s.
 *
 * <p>{@link dk.queue.core.config.ConfigLoader} is the entry point. A file that cannot be used is
 * refused as a whole with a {@link dk.queue.core.config.ConfigException} listing every problem
 * like a compiler does ({@code file:line:column: field: what is wrong}), so an administrator never
 * starts a node on a half-understood file. The embedded {@code demo.yaml} is both the demo
 * organisation and the annotated example of the format; {@link dk.queue.core.config.HashPin} makes
 * PIN hashes for it.
 */
package dk.queue.core.config;
