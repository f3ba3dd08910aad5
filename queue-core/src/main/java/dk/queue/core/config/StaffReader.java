package dk.queue.core.config;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code staff} section: who may sign in at a desk, with which PIN hash and skills. */
final class StaffReader {
  /** Typed at sign-in; allows what municipal user names look like, such as anne.hansen. */
  private static final String USER = "[a-z0-9][a-z0-9._-]*";
  private static final String BCRYPT = "\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}";
  private static final String HOW_TO_HASH = "java -cp queue-node.jar dk.queue.core.config.HashPin <PIN>";

  private StaffReader() {}

  /**
   * @param services every service id the file defines, in file order
   * @param branches every branch id the file defines
   */
  static Map<String, StaffMember> read(List<YamlNode> items, Set<String> services, Set<String> branches,
                                       Problems problems) {
    UniqueIds users = new UniqueIds("user");
    Map<String, StaffMember> staff = new LinkedHashMap<>();
    for (YamlNode item : items) {
      problems.attempt(() -> member(item, users, services, branches)).ifPresent(m -> staff.put(m.user(), m));
    }
    return staff;
  }

  private static StaffMember member(YamlNode node, UniqueIds users, Set<String> services, Set<String> branches) {
    // subject and email are read by OidcReader, when staff sign in through a provider
    Fields f = node.fields("user", "name", "pinHash", "skills", "admin", "supervises", "subject", "email");
    YamlNode userNode = f.required("user");
    String user = userNode.text();
    if (!user.matches(USER)) {
      throw userNode.problem("'" + user + "' is not a user name: use lower-case letters a-z, digits, '.', '-' and '_'");
    }
    users.claim(user, userNode);
    return new StaffMember(user, f.required("name").text(), ids(f.required("skills"), services, "service", "pas, koerekort"),
        pinHash(f.required("pinHash")), f.optional("admin").map(YamlNode::bool).orElse(false),
        f.optional("supervises").map(n -> ids(n, branches, "branch", "hovedbiblioteket")).orElse(Set.of()));
  }

  /**
   * A bcrypt hash, never the PIN itself. jBCrypt only reads the {@code $2a$} prefix; {@code $2b$}
   * and {@code $2y$} (from htpasswd, PHP or Python) compute the same hash for a PIN of digits, so
   * they are accepted and stored as {@code $2a$}.
   */
  private static String pinHash(YamlNode node) {
    String hash = node.text();
    if (!hash.matches(BCRYPT)) {
      String what = hash.matches("\\d+") ? "looks like a PIN; store only its bcrypt hash" : "is not a bcrypt hash";
      throw node.problem("the value " + what + " (\"$2a$10$\" and 53 more characters); make one with " + HOW_TO_HASH);
    }
    int cost = Integer.parseInt(hash.substring(4, 6));
    if (cost < 4 || cost > 30) {
      throw node.problem("bcrypt cost " + cost + " is out of range: use 04 to 30 (10 is a good choice)");
    }
    return "$2a$" + hash.substring(4);
  }

  /** {@code all}, or a list of ids of services (skills) or branches (supervises). */
  private static Set<String> ids(YamlNode node, Set<String> known, String what, String example) {
    String section = what.equals("branch") ? "branches" : what + "s";
    if (node.isScalar()) {
      if (!node.text().equals("all")) {
        throw node.problem("must be 'all' or a list of " + what + " ids, such as [" + example + "]");
      }
      return known;
    }
    Set<String> ids = new LinkedHashSet<>();
    for (YamlNode item : node.items()) {
      String id = item.text();
      if (!known.contains(id)) {
        throw item.problem(Suggestions.unknown(what, section, id, known));
      }
      if (!ids.add(id)) {
        throw item.problem("'" + id + "' is listed twice");
      }
    }
    if (ids.isEmpty()) {
      throw node.problem("name at least one " + what + ", or all");
    }
    return ids;
  }
}
