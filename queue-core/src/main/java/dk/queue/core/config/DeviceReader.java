package dk.queue.core.config;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.DeskDef;
import dk.queue.core.domain.ServiceDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code screens} and {@code kiosks} sections: the devices placed at each branch. */
final class DeviceReader {
  static final List<String> LANGUAGES = List.of("da", "en");
  static final List<String> LAYOUTS = List.of("landscape", "portrait", ScreenDef.COUNTER);
  static final List<String> LANGUAGE_MODES = List.of("alongside", ScreenDef.ALTERNATE);

  private final Set<String> branches;
  private final Map<String, List<String>> deskIds = new HashMap<>();
  private final Map<String, List<String>> serviceIds = new HashMap<>();
  private final Problems problems;

  /**
   * @param branches every branch id the file defines, broken definitions included
   * @param defs     the branches that could be read, for their desks and services
   */
  DeviceReader(Set<String> branches, List<BranchDef> defs, Problems problems) {
    this.branches = branches;
    this.problems = problems;
    for (BranchDef b : defs) {
      deskIds.put(b.id(), b.desks().stream().map(DeskDef::id).toList());
      serviceIds.put(b.id(), b.services().stream().map(ServiceDef::id).toList());
    }
  }

  List<ScreenDef> screens(List<YamlNode> items) {
    UniqueIds ids = new UniqueIds("screen");
    List<ScreenDef> screens = new ArrayList<>();
    for (YamlNode item : items) {
      problems.attempt(() -> {
        Fields f = item.fields("id", "branch", "name", "layout", "languages", "languageMode", "sound", "announce",
            "services", "desks", "desk");
        String id = ids.claim(f.required("id").id(), f.required("id"));
        String branch = branch(f.required("branch"));
        String layout = f.optional("layout").map(DeviceReader::layout).orElse(LAYOUTS.get(0));
        List<String> languages = f.optional("languages").map(DeviceReader::languages).orElse(LANGUAGES);
        List<String> desks;
        if (ScreenDef.COUNTER.equals(layout)) {
          YamlNode desk = f.optional("desk")
              .orElseThrow(() -> item.problem("a counter display names its desk: desk: <desk id>"));
          desks = List.of(known(desk, "desk", deskIds.get(branch)));
        } else {
          desks = f.optional("desks").map(n -> ids(n, "desk", deskIds.get(branch))).orElse(List.of());
        }
        return new ScreenDef(id, branch, f.optional("name").map(YamlNode::text).orElse(id), layout, languages,
            f.optional("languageMode").map(DeviceReader::languageMode).orElse(LANGUAGE_MODES.get(0)),
            f.optional("sound").map(YamlNode::bool).orElse(!ScreenDef.COUNTER.equals(layout)),
            f.optional("announce").map(DeviceReader::languages).orElse(List.of(languages.get(0))),
            f.optional("services").map(n -> ids(n, "service", serviceIds.get(branch))).orElse(List.of()),
            desks);
      }).ifPresent(screens::add);
    }
    return screens;
  }

  List<KioskDef> kiosks(List<YamlNode> items) {
    UniqueIds ids = new UniqueIds("kiosk");
    List<KioskDef> kiosks = new ArrayList<>();
    for (YamlNode item : items) {
      problems.attempt(() -> {
        Fields f = item.fields("id", "branch", "name", "languages", "printer", "maxTicketsPerMinute", "idleSeconds",
            "deviceKeySha256");
        String id = ids.claim(f.required("id").id(), f.required("id"));
        return new KioskDef(id, branch(f.required("branch")),
            f.optional("name").map(YamlNode::text).orElse(id),
            f.optional("languages").map(DeviceReader::languages).orElse(LANGUAGES),
            f.optional("printer").map(DeviceReader::printer).orElse(null),
            f.optional("maxTicketsPerMinute").map(n -> n.integer(1, 120)).orElse(KioskDef.DEFAULT_MAX_TICKETS_PER_MINUTE),
            f.optional("idleSeconds").map(n -> n.integer(5, 600)).orElse(KioskDef.DEFAULT_IDLE_SECONDS),
            f.optional("deviceKeySha256").map(DeviceReader::sha256).orElse(null));
      }).ifPresent(kiosks::add);
    }
    return kiosks;
  }

  private String branch(YamlNode node) {
    String id = node.text();
    if (!branches.contains(id)) {
      throw node.problem(Suggestions.unknown("branch", "branches", id, branches));
    }
    return id;
  }

  /** {@code host:port}, or a host alone for the usual raw printing port 9100. */
  private static KioskDef.Printer printer(YamlNode node) {
    String text = node.text().trim();
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? text : text.substring(0, colon);
    int port = KioskDef.Printer.DEFAULT_PORT;
    if (colon >= 0) {
      String digits = text.substring(colon + 1);
      port = digits.matches("\\d{1,5}") ? Integer.parseInt(digits) : -1;
    }
    if (host.isBlank() || port < 1 || port > 65535) {
      throw node.problem("'" + text + "' is not a printer address: use host:port, such as 10.0.4.20:9100");
    }
    return new KioskDef.Printer(host, port);
  }

  private static String sha256(YamlNode node) {
    String hash = node.text().trim();
    if (!hash.matches("[0-9a-f]{64}")) {
      throw node.problem("deviceKeySha256 is the SHA-256 of the kiosk's key in 64 lower-case hex digits"
          + " (printf %s 'the key' | sha256sum)");
    }
    return hash;
  }

  private static String layout(YamlNode node) {
    String layout = node.text();
    if (!LAYOUTS.contains(layout)) {
      throw node.problem("'" + layout + "' is not a layout: use landscape, portrait or counter");
    }
    return layout;
  }

  private static String languageMode(YamlNode node) {
    String mode = node.text();
    if (!LANGUAGE_MODES.contains(mode)) {
      throw node.problem("'" + mode + "' is not a language mode: use alongside or alternate");
    }
    return mode;
  }

  /** Ids of the branch's desks or services; a branch that could not be read is reported on its own. */
  private static List<String> ids(YamlNode node, String kind, List<String> known) {
    List<String> ids = new ArrayList<>();
    for (YamlNode item : node.items()) {
      ids.add(known(item, kind, known));
    }
    return ids;
  }

  private static String known(YamlNode node, String kind, List<String> known) {
    String id = node.text();
    if (known != null && !known.contains(id)) {
      throw node.problem(Suggestions.unknown(kind, "the branch's " + kind + "s", id, known));
    }
    return id;
  }

  /** The languages, in the order the device offers or shows them. */
  private static List<String> languages(YamlNode node) {
    List<String> languages = new ArrayList<>();
    for (YamlNode item : node.items()) {
      String language = item.text();
      if (!LANGUAGES.contains(language)) {
        throw item.problem("'" + language + "' is not a language of the system: use da or en");
      }
      if (languages.contains(language)) {
        throw item.problem("'" + language + "' is listed twice");
      }
      languages.add(language);
    }
    if (languages.isEmpty()) {
      throw node.problem("name at least one language");
    }
    return languages;
  }
}
