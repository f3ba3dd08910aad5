package dk.queue.core.config;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.DeskDef;
import dk.queue.core.domain.LocalizedText;
import dk.queue.core.domain.ServiceDef;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps the checked YAML tree onto the configuration records, one section at a time. */
final class OrganisationReader {
  static final String DEFAULT_ZONE = "Europe/Copenhagen";
  static final Set<String> GROUPS = Set.of("borgerservice", "bibliotek", "digital");
  static final List<String> LANGUAGES = List.of("da", "en");
  private static final String ID = "[a-z0-9][a-z0-9-]*";

  private final String source;
  private final Map<String, YamlNode> serviceNodes = new LinkedHashMap<>();
  private final Map<String, Map<String, YamlNode>> serviceFields = new HashMap<>();

  OrganisationReader(String source) {
    this.source = source;
  }

  QueueConfig read(YamlNode root) {
    Map<String, YamlNode> top = root.fields(Set.of("services", "branches", "staff", "screens", "kiosks", "outcomes"));
    for (YamlNode s : YamlNode.require(top, "services", root).list()) {
      Map<String, YamlNode> f = s.fields(Set.of("id", "name", "letter", "group", "targetWaitMinutes", "serviceMinutes",
          "appointmentOnly"));
      String id = id(YamlNode.require(f, "id", s));
      if (serviceNodes.put(id, s) != null) {
        throw f.get("id").error("service '" + id + "' is defined twice");
      }
      serviceFields.put(id, f);
    }
    List<BranchDef> branches = new ArrayList<>();
    Set<String> branchIds = new HashSet<>();
    for (YamlNode b : YamlNode.require(top, "branches", root).list()) {
      BranchDef branch = branch(b);
      if (!branchIds.add(branch.id())) {
        throw b.error("branch '" + branch.id() + "' is defined twice");
      }
      branches.add(branch);
    }
    if (branches.isEmpty()) {
      throw top.get("branches").error("name at least one branch");
    }
    Map<String, StaffMember> staff = new LinkedHashMap<>();
    for (YamlNode s : list(top, "staff")) {
      StaffMember m = staff(s);
      if (staff.put(m.user(), m) != null) {
        throw s.error("user '" + m.user() + "' is defined twice");
      }
    }
    List<ScreenDef> screens = new ArrayList<>();
    Set<String> screenIds = new HashSet<>();
    for (YamlNode s : list(top, "screens")) {
      ScreenDef screen = screen(s, branchIds);
      if (!screenIds.add(screen.id())) {
        throw s.error("screen '" + screen.id() + "' is defined twice");
      }
      screens.add(screen);
    }
    List<KioskDef> kiosks = new ArrayList<>();
    Set<String> kioskIds = new HashSet<>();
    for (YamlNode k : list(top, "kiosks")) {
      KioskDef kiosk = kiosk(k, branchIds);
      if (!kioskIds.add(kiosk.id())) {
        throw k.error("kiosk '" + kiosk.id() + "' is defined twice");
      }
      kiosks.add(kiosk);
    }
    List<String> outcomes = new ArrayList<>();
    for (YamlNode o : list(top, "outcomes")) {
      outcomes.add(id(o));
    }
    return new QueueConfig(source, branches, staff, screens, kiosks, outcomes.isEmpty() ? List.of("served") : outcomes);
  }

  private static List<YamlNode> list(Map<String, YamlNode> fields, String key) {
    YamlNode n = fields.get(key);
    return n == null ? List.of() : n.list();
  }

  private static String id(YamlNode n) {
    String id = n.text();
    if (!id.matches(ID)) {
      throw n.error("'" + id + "' is not an id: use lower-case letters, digits and hyphens");
    }
    return id;
  }

  private BranchDef branch(YamlNode b) {
    Map<String, YamlNode> f = b.fields(Set.of("id", "name", "timezone", "services", "desks"));
    String id = id(YamlNode.require(f, "id", b));
    String name = YamlNode.require(f, "name", b).text();
    ZoneId zone = zone(f.get("timezone"));
    List<ServiceDef> services = new ArrayList<>();
    Map<String, String> letters = new HashMap<>();
    for (YamlNode s : YamlNode.require(f, "services", b).list()) {
      Map<String, YamlNode> sf = s.fields(Set.of("id", "hours"));
      YamlNode idNode = YamlNode.require(sf, "id", s);
      String serviceId = id(idNode);
      if (!serviceNodes.containsKey(serviceId)) {
        throw idNode.error("unknown service '" + serviceId + "'; the services section defines "
            + String.join(", ", serviceNodes.keySet()));
      }
      if (services.stream().anyMatch(x -> x.id().equals(serviceId))) {
        throw idNode.error("service '" + serviceId + "' is offered twice at this branch");
      }
      ServiceDef def = service(serviceId, HoursParser.parse(YamlNode.require(sf, "hours", s)));
      String other = letters.put(def.letter(), serviceId);
      if (other != null) {
        throw idNode.error("services '" + other + "' and '" + serviceId + "' both use the letter " + def.letter()
            + " at this branch: ticket numbers would clash");
      }
      services.add(def);
    }
    List<DeskDef> desks = new ArrayList<>();
    for (YamlNode d : YamlNode.require(f, "desks", b).list()) {
      Map<String, YamlNode> df = d.fields(Set.of("id", "name"));
      String deskId = id(YamlNode.require(df, "id", d));
      if (desks.stream().anyMatch(x -> x.id().equals(deskId))) {
        throw df.get("id").error("desk '" + deskId + "' is defined twice at this branch");
      }
      desks.add(new DeskDef(deskId, YamlNode.require(df, "name", d).text()));
    }
    if (desks.isEmpty()) {
      throw f.get("desks").error("name at least one desk");
    }
    return new BranchDef(id, name, zone, services, desks);
  }

  private static ZoneId zone(YamlNode n) {
    if (n == null) {
      return ZoneId.of(DEFAULT_ZONE);
    }
    try {
      return ZoneId.of(n.text());
    } catch (DateTimeException e) {
      throw n.error("'" + n.text() + "' is not a time zone, e.g. " + DEFAULT_ZONE);
    }
  }

  private ServiceDef service(String id, dk.queue.core.domain.OpeningHours hours) {
    YamlNode node = serviceNodes.get(id);
    Map<String, YamlNode> f = serviceFields.get(id);
    YamlNode nameNode = YamlNode.require(f, "name", node);
    Map<String, YamlNode> names = nameNode.fields(Set.of("da", "en"));
    LocalizedText name = new LocalizedText(YamlNode.require(names, "da", nameNode).text(),
        names.containsKey("en") ? names.get("en").text() : null);
    YamlNode letterNode = YamlNode.require(f, "letter", node);
    String letter = letterNode.text();
    if (!letter.matches("[A-Z]{1,2}")) {
      throw letterNode.error("'" + letter + "' is not a ticket letter: use one or two capital letters A-Z");
    }
    YamlNode groupNode = YamlNode.require(f, "group", node);
    String group = groupNode.text();
    if (!GROUPS.contains(group)) {
      throw groupNode.error("'" + group + "' is not a group; use " + String.join(", ", new java.util.TreeSet<>(GROUPS)));
    }
    int target = f.containsKey("targetWaitMinutes") ? f.get("targetWaitMinutes").integer(1, 600) : 15;
    int serviceMinutes = f.containsKey("serviceMinutes") ? f.get("serviceMinutes").integer(1, 240) : 5;
    boolean appointment = f.containsKey("appointmentOnly") && f.get("appointmentOnly").bool();
    return new ServiceDef(id, name, letter, group, target * 60, serviceMinutes * 60, hours, appointment);
  }

  private StaffMember staff(YamlNode s) {
    Map<String, YamlNode> f = s.fields(Set.of("user", "name", "pinHash", "skills"));
    String user = id(YamlNode.require(f, "user", s));
    String name = YamlNode.require(f, "name", s).text();
    YamlNode hashNode = YamlNode.require(f, "pinHash", s);
    String hash = hashNode.text();
    if (!hash.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
      throw hashNode.error("must be a bcrypt hash of the PIN (never the PIN itself); make one with "
          + "java -cp queue-node.jar dk.queue.core.config.HashPin <pin>");
    }
    YamlNode skillsNode = YamlNode.require(f, "skills", s);
    Set<String> skills = new LinkedHashSet<>();
    if (skillsNode.isScalar() && skillsNode.text().equals("all")) {
      skills.addAll(serviceNodes.keySet());
    } else {
      for (YamlNode k : skillsNode.list()) {
        String skill = k.text();
        if (!serviceNodes.containsKey(skill)) {
          throw k.error("unknown service '" + skill + "'");
        }
        skills.add(skill);
      }
    }
    return new StaffMember(user, name, skills, hash);
  }

  private static String branchRef(Map<String, YamlNode> f, YamlNode parent, Set<String> branchIds) {
    YamlNode n = YamlNode.require(f, "branch", parent);
    if (!branchIds.contains(n.text())) {
      throw n.error("unknown branch '" + n.text() + "'");
    }
    return n.text();
  }

  private static List<String> languages(YamlNode n) {
    if (n == null) {
      return LANGUAGES;
    }
    List<String> langs = new ArrayList<>();
    for (YamlNode l : n.list()) {
      if (!LANGUAGES.contains(l.text())) {
        throw l.error("'" + l.text() + "' is not a language of the system; use da or en");
      }
      langs.add(l.text());
    }
    if (langs.isEmpty()) {
      throw n.error("name at least one language");
    }
    return langs;
  }

  private static ScreenDef screen(YamlNode s, Set<String> branchIds) {
    Map<String, YamlNode> f = s.fields(Set.of("id", "branch", "name", "layout", "languages", "sound"));
    String id = id(YamlNode.require(f, "id", s));
    String branch = branchRef(f, s, branchIds);
    String layout = f.containsKey("layout") ? f.get("layout").text() : "landscape";
    if (!layout.equals("landscape") && !layout.equals("portrait")) {
      throw f.get("layout").error("must be landscape or portrait");
    }
    String name = f.containsKey("name") ? f.get("name").text() : id;
    boolean sound = !f.containsKey("sound") || f.get("sound").bool();
    return new ScreenDef(id, branch, name, layout, languages(f.get("languages")), sound);
  }

  private static KioskDef kiosk(YamlNode k, Set<String> branchIds) {
    Map<String, YamlNode> f = k.fields(Set.of("id", "branch", "name", "languages"));
    String id = id(YamlNode.require(f, "id", k));
    String branch = branchRef(f, k, branchIds);
    String name = f.containsKey("name") ? f.get("name").text() : id;
    return new KioskDef(id, branch, name, languages(f.get("languages")));
  }
}
