package dk.queue.core.http;

import dk.queue.core.auth.Role;
import dk.queue.core.config.StaffMember;
import dk.queue.core.domain.Booking;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.ServiceDef;
import dk.queue.core.engine.Engine;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An iCalendar feed (RFC 5545) of a branch's bookings of one service, for staff calendars. A
 * calendar app cannot send a sign-in, so the feed's address carries a token instead, which a
 * signed-in staff member gets from {@code GET /api/branches/{b}/calendar-links}: the member's user
 * name and a signature keyed by that member's PIN hash. It works while the member is in the
 * configuration with that PIN; a new PIN or removing the member revokes every link they got. A
 * wrong or revoked token is answered 404, as an unknown feed. The feed shows the citizen's name and
 * the booking code (as the desk's list does), never the phone number, e-mail or the private link.
 */
final class CalendarFeed {
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private final Engine engine;
  private final Sessions sessions;

  CalendarFeed(Engine engine, Sessions sessions) {
    this.engine = engine;
    this.sessions = sessions;
  }

  void mount(Router api) {
    api.get("/branches/:branch/calendar-links").handler(Access.require(sessions, Role.STAFF)).handler(this::links);
    api.get("/branches/:branch/services/:service/calendar.ics").handler(this::feed);
  }

  /** The feed of every bookable service of the branch, with the signed-in member's token. */
  private void links(RoutingContext rc) {
    BranchDef branch = branch(rc.pathParam("branch"));
    StaffMember member = Access.member(rc);
    if (member.pinHash() == null || member.pinHash().isEmpty()) {
      throw new ApiException(409, "no_pin", "Calendar links are signed with the member's PIN, and "
          + member.user() + " has none");
    }
    String origin = rc.request().scheme() + "://" + rc.request().authority();
    List<Map<String, Object>> links = new ArrayList<>();
    for (ServiceDef s : branch.services()) {
      if (s.booking() != null) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", s.id());
        m.put("name", s.name());
        m.put("url", origin + "/api/branches/" + branch.id() + "/services/" + s.id() + "/calendar.ics?token="
            + token(member, branch.id(), s.id()));
        links.add(m);
      }
    }
    Replies.ok(rc, links);
  }

  private void feed(RoutingContext rc) {
    BranchDef branch = branch(rc.pathParam("branch"));
    String serviceId = rc.pathParam("service");
    ServiceDef service = branch.service(serviceId).filter(s -> s.booking() != null).orElse(null);
    if (service == null || !valid(rc.queryParams().get("token"), branch.id(), serviceId)) {
      throw ApiException.notFound("unknown_feed", "No such calendar feed: ask for a new link");
    }
    engine.state(branch.id()).map(s -> calendar(s, service, engine.clock().instant()))
        .onSuccess(ics -> rc.response().putHeader("Content-Type", "text/calendar; charset=utf-8")
            .putHeader("Cache-Control", "private, no-store").end(ics))
        .onFailure(rc::fail);
  }

  private BranchDef branch(String id) {
    return engine.config().branch(id).orElseThrow(() -> ApiException.notFound("unknown_branch", "No branch '" + id + "'"));
  }

  static String token(StaffMember member, String branch, String service) {
    return member.user() + "." + signature(member, branch, service);
  }

  private boolean valid(String token, String branch, String service) {
    if (token == null || token.indexOf('.') < 1) {
      return false;
    }
    StaffMember member = engine.config().staff().get(token.substring(0, token.indexOf('.')));
    return member != null && member.pinHash() != null && !member.pinHash().isEmpty() && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
        token(member, branch, service).getBytes(StandardCharsets.UTF_8));
  }

  private static String signature(StaffMember member, String branch, String service) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(member.pinHash().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] sig = mac.doFinal(("calendar\n" + member.user() + "\n" + branch + "\n" + service).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig).substring(0, 32);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The bookings of the service that hold their place, as VEVENTs. */
  static String calendar(BranchState s, ServiceDef service, Instant now) {
    BranchDef def = s.def();
    StringBuilder out = new StringBuilder();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//dk.queue//bookings//DA");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:" + text(def.name() + ": " + service.name().da()));
    for (Booking b : s.bookings().inOrder()) {
      if (!b.service().equals(service.id()) || !b.holdsPlace()) {
        continue;
      }
      line(out, "BEGIN:VEVENT");
      line(out, "UID:" + Sha256.hex("calendar\n" + b.secret()).substring(0, 32) + "@" + def.id());
      line(out, "DTSTAMP:" + UTC.format(now));
      line(out, "DTSTART:" + UTC.format(b.start()));
      line(out, "DTEND:" + UTC.format(b.start().plusSeconds(60L * service.booking().slotMinutes())));
      line(out, "SUMMARY:" + text(service.name().da() + ": " + b.contact().name()));
      line(out, "DESCRIPTION:" + text("Kode " + b.code()
          + (b.state() == Booking.State.CHECKED_IN ? ", tjekket ind" : "")));
      line(out, "LOCATION:" + text(def.name()));
      line(out, "STATUS:CONFIRMED");
      line(out, "END:VEVENT");
    }
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  /** A TEXT value: backslash, semicolon, comma and line breaks escaped. */
  static String text(String value) {
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n");
  }

  /** A content line ended by CRLF, folded so that no line is longer than 75 octets. */
  static void line(StringBuilder out, String content) {
    int octets = 0;
    for (int i = 0; i < content.length(); ) {
      int cp = content.codePointAt(i);
      int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + n > 75) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(cp);
      octets += n;
      i += Character.charCount(cp);
    }
    out.append("\r\n");
  }
}
