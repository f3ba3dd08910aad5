package dk.queue.core.web;

import io.vertx.ext.web.Router;

/** A part of the node that serves pages (screens, kiosk, desk) beside the API. */
public interface WebModule {
  void mount(Router router, NodeContext node);
}
