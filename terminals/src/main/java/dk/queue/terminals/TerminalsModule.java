package dk.queue.terminals;

import dk.queue.core.config.KioskDef;
import dk.queue.core.config.QueueConfig;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.engine.IdGenerator;
import dk.queue.core.web.Messages;
import dk.queue.core.web.NodeContext;
import dk.queue.core.web.Pages;
import dk.queue.core.web.WebModule;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages citizens and staff touch: the start page, the kiosk, the staff desk and the phone
 * ticket page. The server renders each page's frame and texts; the page's script keeps it live
 * through the public API and its event stream.
 */
public final class TerminalsModule implements WebModule {
  private Pages pages = new Pages();

  @Override
  public void mount(Router router, NodeContext node) {
    pages = new Pages(node.nodeUrls());
    QueueConfig config = node.config();
    router.get("/").handler(rc -> pages.send(rc, 200, "index", index(config)));
    router.get("/kiosk/:kiosk").handler(rc -> kiosk(rc, config));
    router.get("/desk/:branch/:desk").handler(rc -> desk(rc, config));
    router.get("/t/:ticket").handler(rc -> phone(rc, config));
  }

  private static Map<String, Object> index(QueueConfig config) {
    List<Map<String, Object>> branches = config.branches().stream().map(b -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", b.id());
      m.put("name", b.name());
      m.put("kiosks", config.kiosks().stream().filter(k -> k.branch().equals(b.id())).toList());
      m.put("screens", config.screens().stream().filter(s -> s.branch().equals(b.id())).toList());
      m.put("desks", b.desks());
      return m;
    }).toList();
    return Map.of("branches", branches);
  }

  private void kiosk(RoutingContext rc, QueueConfig config) {
    Optional<KioskDef> kiosk = config.kiosk(rc.pathParam("kiosk"));
    if (kiosk.isEmpty()) {
      pages.notFound(rc, "/kiosk/" + rc.pathParam("kiosk"));
      return;
    }
    BranchDef branch = config.branch(kiosk.get().branch()).orElseThrow();
    pages.send(rc, 200, "kiosk", Map.of("kiosk", kiosk.get(), "branch", branchInfo(branch),
        "texts", Messages.both("kiosk.", "common.")));
  }

  private void desk(RoutingContext rc, QueueConfig config) {
    Optional<BranchDef> branch = config.branch(rc.pathParam("branch"));
    if (branch.isEmpty() || branch.get().desk(rc.pathParam("desk")).isEmpty()) {
      pages.notFound(rc, "/desk/" + rc.pathParam("branch") + "/" + rc.pathParam("desk"));
      return;
    }
    pages.send(rc, 200, "desk", Map.of("branch", branchInfo(branch.get()),
        "desk", branch.get().desk(rc.pathParam("desk")).get(),
        "outcomes", config.outcomes(),
        "texts", Messages.all(Messages.DANISH, "desk.", "common.")));
  }

  private void phone(RoutingContext rc, QueueConfig config) {
    String ticket = rc.pathParam("ticket");
    String branchId = IdGenerator.branchOf(ticket);
    Optional<BranchDef> branch = branchId == null ? Optional.empty() : config.branch(branchId);
    if (branch.isEmpty()) {
      pages.notFound(rc, "/t/" + ticket);
      return;
    }
    pages.send(rc, 200, "phone", Map.of("ticket", ticket, "branch", branchInfo(branch.get()),
        "texts", Messages.both("phone.", "common.")));
  }

  private static Map<String, Object> branchInfo(BranchDef b) {
    return Map.of("id", b.id(), "name", b.name(), "zone", b.zone().getId());
  }
}
