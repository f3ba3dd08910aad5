package dk.queue.core.config;

import dk.queue.core.domain.LocalizedText;

/**
 * What staff may record when a ticket is done.
 *
 * @param id   the code stored with the event and counted in statistics
 * @param name what the desk shows, in Danish and English
 */
public record OutcomeDef(String id, LocalizedText name) {}
