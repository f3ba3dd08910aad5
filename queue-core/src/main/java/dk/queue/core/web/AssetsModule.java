package dk.queue.core.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/** The shared style sheet and scripts under {@code /assets}, from {@code webroot/assets} on the class path. */
public final class AssetsModule implements WebModule {
  @Override
  public void mount(Router router, NodeContext node) {
    router.route("/assets/*").handler(StaticHandler.create("webroot/assets").setCachingEnabled(false));
  }
}
