package dk.queue.core.config;

import dk.queue.core.domain.LocalizedText;

/**
 * A service as the organisation defines it once; a branch turns it into a
 * {@link dk.queue.core.domain.ServiceDef} by giving it hours, and may adjust the rest for itself.
 */
record ServiceTemplate(String id, LocalizedText name, String letter, String group, int targetWaitMinutes,
                       int serviceMinutes, boolean appointmentOnly, LocalizedText bring) {}
