/**
 * What page modules plug into: {@link dk.queue.core.web.WebModule}, server-side templates
 * ({@link dk.queue.core.web.Pages}), UI text bundles ({@link dk.queue.core.web.Messages}) and shared assets.
 */
package dk.queue.core.web;
