package dk.queue.core.remind;

import dk.queue.core.domain.Booking;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.ServiceDef;
import dk.queue.core.web.Messages;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words of a reminder in the booking's language (Danish unless it is English). */
record ReminderText(String subject, String mail, String sms) {

  static ReminderText of(BranchDef branch, Booking b, String link) {
    String lang = Messages.ENGLISH.equals(b.language()) ? Messages.ENGLISH : Messages.DANISH;
    Locale locale = Messages.ENGLISH.equals(lang) ? Locale.ENGLISH : Locale.forLanguageTag("da");
    ServiceDef service = branch.service(b.service()).orElseThrow();
    ZonedDateTime start = b.start().atZone(branch.zone());
    String day = DateTimeFormatter.ofPattern(Messages.text(lang, "remind.dayPattern"), locale).format(start);
    String time = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).format(start);
    String bring = service.bring() == null ? ""
        : Messages.format(lang, "remind.bring", "bring", service.bring().in(lang));
    Object[] values = {"name", b.contact().name(), "service", service.name().in(lang), "branch", branch.name(),
        "day", day, "time", time, "code", b.code(), "bring", bring, "link", link};
    return new ReminderText(Messages.format(lang, "remind.subject", values), Messages.format(lang, "remind.mail", values),
        Messages.format(lang, "remind.sms", values).replace("  ", " "));
  }
}
