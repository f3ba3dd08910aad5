package dk.queue.core.config;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.ClosedDays;
import dk.queue.core.domain.DeskDef;
import dk.queue.core.domain.OpeningHours;
import dk.queue.core.domain.ServiceDef;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code branches} section: each branch's time zone, the services it offers with their
 * hours there, and its desks.
 */
final class BranchReader {
  static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Copenhagen");
  /** The highest {@code maxWaitingPerService} a branch may set. */
  static final int MAX_WAITING_LIMIT = 100_000;

  private final Map<String, ServiceTemplate> services;
  private final Set<String> declaredServices;
  private final Problems problems;

  /**
   * @param services         the services that were read without problems
   * @param declaredServices every service id the file defines, broken definitions included, so
   *                         that a broken definition is reported once and not again at each branch
   */
  BranchReader(Map<String, ServiceTemplate> services, Set<String> declaredServices, Problems problems) {
    this.services = services;
    this.declaredServices = declaredServices;
    this.problems = problems;
  }

  List<BranchDef> read(List<YamlNode> items) {
    UniqueIds ids = new UniqueIds("branch");
    List<BranchDef> branches = new ArrayList<>();
    for (YamlNode item : items) {
      problems.attempt(() -> branch(item, ids)).ifPresent(branches::add);
    }
    return branches;
  }

  private BranchDef branch(YamlNode node, UniqueIds ids) {
    Fields f = node.fields("id", "name", "timezone", "hours", "services", "desks", "maxWaitingPerService",
        "closedDays");
    String id = ids.claim(f.required("id").id(), f.required("id"));
    String name = f.required("name").text();
    ZoneId zone = f.optional("timezone").map(BranchReader::zone).orElse(DEFAULT_ZONE);
    DefaultHours defaultHours = new DefaultHours(f.optional("hours"));
    List<YamlNode> offered = nonEmpty(f.required("services"), "name at least one service");
    List<YamlNode> deskNodes = nonEmpty(f.required("desks"), "name at least one desk");
    int maxWaiting = f.optional("maxWaitingPerService").map(n -> n.integer(1, MAX_WAITING_LIMIT))
        .orElse(BranchDef.DEFAULT_MAX_WAITING);
    ClosedDays closed = f.optional("closedDays").map(ClosedDaysReader::read).orElse(ClosedDays.NONE);
    return new BranchDef(id, name, zone, services(offered, defaultHours), desks(deskNodes), maxWaiting, closed);
  }

  private static List<YamlNode> nonEmpty(YamlNode list, String complaint) {
    if (list.items().isEmpty()) {
      throw list.problem(complaint);
    }
    return list.items();
  }

  private static ZoneId zone(YamlNode node) {
    try {
      return ZoneId.of(node.text());
    } catch (DateTimeException e) {
      throw node.problem("'" + node.text() + "' is not a time zone: use a region such as " + DEFAULT_ZONE);
    }
  }

  private List<ServiceDef> services(List<YamlNode> items, DefaultHours defaultHours) {
    UniqueIds ids = new UniqueIds("service", "is offered twice at this branch");
    Map<String, String> letters = new HashMap<>();
    List<ServiceDef> result = new ArrayList<>();
    for (YamlNode item : items) {
      problems.attempt(() -> offered(item, ids, defaultHours)).ifPresent(def -> {
        String other = letters.putIfAbsent(def.letter(), def.id());
        if (other != null) {
          problems.add(item.problem("letter " + def.letter() + " is used by both '" + other + "' and '" + def.id()
              + "' at this branch: their ticket numbers (" + def.letter() + "001) would clash"));
          return;
        }
        String booked = def.booking() == null ? def.letter() : def.booking().letterOf(def.letter());
        String otherBooked = booked.equals(def.letter()) ? null : letters.putIfAbsent(booked, def.id() + " (booked)");
        if (otherBooked != null) {
          problems.add(item.problem("letter " + booked + " of the booked tickets of '" + def.id() + "' is used by '"
              + otherBooked + "' too at this branch: their ticket numbers (" + booked + "001) would clash"));
        } else {
          result.add(def);
        }
      });
    }
    return result;
  }

  /** One entry of a branch's services: an id alone, or the id with hours and adjustments for this branch. */
  private ServiceDef offered(YamlNode node, UniqueIds ids, DefaultHours defaultHours) {
    Fields f = node.isScalar() ? Fields.none(node)
        : node.fields("id", "hours", "letter", "targetWaitMinutes", "serviceMinutes", "appointmentOnly", "booking");
    YamlNode idNode = node.isScalar() ? node : f.required("id");
    String id = ids.claim(idNode.id(), idNode);
    if (!declaredServices.contains(id)) {
      throw idNode.problem(Suggestions.unknown("service", "services", id, declaredServices));
    }
    Optional<OpeningHours> hours = f.optional("hours").map(HoursParser::parse).or(() -> defaultHours.get(node));
    ServiceTemplate t = services.get(id);
    if (t == null || hours.isEmpty()) {
      return null; // its definition, or the branch's hours, is broken and already reported
    }
    boolean appointmentOnly = f.optional("appointmentOnly").map(YamlNode::bool).orElse(t.appointmentOnly());
    dk.queue.core.domain.BookingDef booking = f.optional("booking")
        .map(n -> BookingReader.read(n, hours.get(), appointmentOnly)).orElse(null);
    return new ServiceDef(id, t.name(),
        f.optional("letter").map(ServiceReader::letter).orElse(t.letter()),
        t.group(),
        60 * f.optional("targetWaitMinutes").map(ServiceReader::targetWait).orElse(t.targetWaitMinutes()),
        60 * f.optional("serviceMinutes").map(ServiceReader::serviceTime).orElse(t.serviceMinutes()),
        hours.get(),
        appointmentOnly || (booking != null && booking.only()),
        t.bring(),
        booking);
  }

  private List<DeskDef> desks(List<YamlNode> items) {
    UniqueIds ids = new UniqueIds("desk", "is defined twice at this branch");
    List<DeskDef> desks = new ArrayList<>();
    for (YamlNode item : items) {
      problems.attempt(() -> {
        Fields f = item.fields("id", "name");
        String id = ids.claim(f.required("id").id(), f.required("id"));
        return new DeskDef(id, f.required("name").text());
      }).ifPresent(desks::add);
    }
    return desks;
  }

  /** A branch's own {@code hours}, for the services that do not give theirs; read once, reported once. */
  private final class DefaultHours {
    private final boolean given;
    private final Optional<OpeningHours> hours;

    DefaultHours(Optional<YamlNode> node) {
      this.given = node.isPresent();
      this.hours = node.flatMap(n -> problems.attempt(() -> HoursParser.parse(n)));
    }

    /** The default hours; empty when they are broken (already reported). */
    Optional<OpeningHours> get(YamlNode service) {
      if (!given) {
        throw service.problem("missing required field 'hours' (give it here, or give the branch hours for all "
            + "its services)");
      }
      return hours;
    }
  }
}
