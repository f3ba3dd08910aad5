package dk.queue.core.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code oidc} section, and the {@code subject:} or {@code email:} of each staff entry that
 * it matches signed-in people by.
 */
final class OidcReader {
  private static final String ENV = "[A-Z_][A-Z0-9_]*";
  private static final String CLAIM = "[A-Za-z0-9_:-]+(\\.[A-Za-z0-9_:-]+)*";

  private OidcReader() {}

  static OidcConfig read(YamlNode node, List<YamlNode> staffItems) {
    Fields f = node.fields("issuer", "clientId", "clientSecretEnv", "publicUrl", "scopes", "matchBy", "rolesClaim",
        "pinSignIn");
    String issuer = url(f.required("issuer"), "the provider's issuer, such as https://login.microsoftonline.com/<tenant>/v2.0");
    String clientId = f.required("clientId").text();
    String secretEnv = f.optional("clientSecretEnv").map(n -> {
      String name = n.text();
      if (!name.matches(ENV)) {
        throw n.problem("'" + name + "' is not an environment variable name (A-Z, 0-9, _): name the variable that"
            + " holds the client secret, never the secret itself");
      }
      if (System.getenv(name) == null) {
        throw n.problem("the environment variable " + name + " is not set; set it to the client secret");
      }
      return name;
    }).orElse(null);
    String publicUrl = url(f.required("publicUrl"), "the address users reach the nodes at, such as https://kø.kommune.dk");
    List<String> scopes = new ArrayList<>(List.of("openid"));
    f.optional("scopes").ifPresent(n -> {
      for (YamlNode item : n.items()) {
        String scope = item.text();
        if (!scope.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+")) {
          throw item.problem("'" + scope + "' is not a scope");
        }
        if (!scopes.contains(scope)) {
          scopes.add(scope);
        }
      }
    });
    OidcConfig.MatchBy matchBy = f.optional("matchBy").map(n -> switch (n.text()) {
      case "sub" -> OidcConfig.MatchBy.SUB;
      case "email" -> OidcConfig.MatchBy.EMAIL;
      default -> throw n.problem("must be sub (the staff entry's subject:) or email (the staff entry's email:)");
    }).orElse(OidcConfig.MatchBy.EMAIL);
    String rolesClaim = f.optional("rolesClaim").map(n -> {
      if (!n.text().matches(CLAIM)) {
        throw n.problem("'" + n.text() + "' is not a claim name (a name, or a dotted path such as realm_access.roles)");
      }
      return n.text();
    }).orElse(null);
    boolean pin = f.optional("pinSignIn").map(YamlNode::bool).orElse(true);
    return new OidcConfig(issuer, clientId, secretEnv, publicUrl, scopes, matchBy, rolesClaim, pin,
        identities(staffItems, matchBy));
  }

  /** The staff entries' subjects or e-mail addresses, each used once. */
  private static Map<String, String> identities(List<YamlNode> staffItems, OidcConfig.MatchBy matchBy) {
    String field = matchBy == OidcConfig.MatchBy.SUB ? "subject" : "email";
    UniqueIds seen = new UniqueIds(field);
    Map<String, String> identities = new LinkedHashMap<>();
    for (YamlNode item : staffItems) {
      if (item.kind() != YamlNode.Kind.MAP) {
        continue;
      }
      String user = null;
      YamlNode value = null;
      for (YamlNode.Entry e : item.entries()) {
        if (e.key().text().equals("user") && e.value().isScalar() && e.value().hasText()) {
          user = e.value().text();
        } else if (e.key().text().equals(field)) {
          value = e.value();
        }
      }
      if (user == null || value == null) {
        continue;
      }
      String key = value.text();
      if (matchBy == OidcConfig.MatchBy.EMAIL) {
        if (!key.matches("[^@\\s]+@[^@\\s]+")) {
          throw value.problem("'" + key + "' is not an e-mail address");
        }
        key = key.toLowerCase(Locale.ROOT);
      }
      identities.put(seen.claim(key, value), user);
    }
    return identities;
  }

  private static String url(YamlNode node, String what) {
    String text = node.text();
    try {
      URI uri = new URI(text);
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
          && uri.getQuery() == null && uri.getFragment() == null) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw node.problem("'" + text + "' is not an http(s) address: give " + what);
  }
}
