package dk.queue.terminals;

import dk.queue.core.config.QueueConfig;
import dk.queue.core.web.Messages;
import java.util.Map;

/** What the sign-in part of a page ({@code oidc-signin.hbs}) needs: whether a provider and the PIN are on. */
final class SignIn {
  private SignIn() {}

  /** @param tokenKey where in session storage the page's script looks for its token */
  static Map<String, Object> model(QueueConfig config, String tokenKey) {
    return Map.of("provider", config.oidc() != null, "pin", config.pinSignIn(), "tokenKey", tokenKey,
        "texts", Messages.all(Messages.DANISH, "signIn."));
  }
}
