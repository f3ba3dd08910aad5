package dk.queue.terminals;

import dk.queue.core.config.QueueConfig;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.web.Messages;
import dk.queue.core.web.NodeContext;
import dk.queue.core.web.Pages;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin}: the administration page. The page itself holds nothing secret (branch names and
 * their closed days are public); everything it reads or changes goes through the administrator API
 * with the token of the sign-in made on the page.
 */
final class AdminPages {
  private final Pages pages;

  AdminPages(Pages pages) {
    this.pages = pages;
  }

  void mount(Router router, NodeContext node) {
    router.get("/admin").handler(rc -> pages.send(rc, 200, "admin", Map.of(
        "settings", Map.of("branches", branches(node.config()),
            "staff", node.config().staff().keySet().stream().sorted().toList()),
        "texts", Messages.all(Messages.DANISH, "admin.", "common."),
        "signIn", SignIn.model(node.config(), "admin-token"),
        "textsEn", Messages.all(Messages.ENGLISH, "admin.list.", "admin.f.", "admin.choose"))));
  }

  private static List<Map<String, Object>> branches(QueueConfig config) {
    return config.branches().stream().map(AdminPages::branch).toList();
  }

  private static Map<String, Object> branch(BranchDef b) {
    return Map.of("id", b.id(), "name", b.name(), "closedDays", b.closedDays().days());
  }
}
