package dk.queue.ops.overview;

import dk.queue.core.web.Messages;
import dk.queue.core.web.NodeContext;
import dk.queue.core.web.Pages;
import dk.queue.core.web.WebModule;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;

/**
 * {@code /ops}: a live overview of every branch for places without Grafana: queues, waits against
 * target, desks and what they serve, services available, and tickets per hour today.
 */
public final class OverviewModule implements WebModule {
  @Override
  public void mount(Router router, NodeContext node) {
    Pages pages = new Pages(node.nodeUrls());
    List<Map<String, String>> branches = node.config().branches().stream()
        .map(b -> Map.of("id", b.id(), "name", b.name(), "zone", b.zone().getId())).toList();
    router.get("/ops").handler(rc -> pages.send(rc, 200, "ops", Map.of("branches", branches,
        "texts", Messages.all(Messages.DANISH, "ops.", "common."))));
  }
}
