/**
 * The organisation's configuration: one YAML file (branches, services with opening hours, desks,
 * staff with skills and hashed PINs, screens, kiosks, outcomes), checked at start with errors that
 * name the file, line, field and problem, and an embedded demo.
 */
package dk.queue.core.config;
