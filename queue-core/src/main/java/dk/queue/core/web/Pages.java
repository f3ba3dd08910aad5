package dk.queue.core.web;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Options;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import dk.queue.core.domain.LocalizedText;
import dk.queue.core.json.JsonMapping;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side pages: Handlebars templates from {@code /templates} on the class path, compiled once.
 * Helpers: {@code {{t "key"}}} (Danish text; {@code {{t "key" lang="en"}}} for English),
 * {@code {{json value}}} (a value as JSON, safe inside a script element) and {@code {{bi x english}}}
 * (a text key or a {@link LocalizedText} as a Danish span, followed by an English one when
 * {@code english} is true).
 */
public final class Pages {
  private final Handlebars handlebars;
  private final Map<String, Template> compiled = new ConcurrentHashMap<>();

  public Pages() {
    this(java.util.List.of());
  }

  /** Pages that know where every node is ({@code {{nodes}}}), so their scripts can move to another. */
  public Pages(java.util.List<String> nodeUrls) {
    handlebars = new Handlebars(new ClassPathTemplateLoader("/templates", ".hbs"));
    String nodes = JsonMapping.encode(nodeUrls).replace("</", "<\\/");
    handlebars.registerHelper("nodes", (Object context, Options o) -> new Handlebars.SafeString(nodes));
    handlebars.registerHelper("t", (String key, Options o) ->
        Messages.text(o.hash("lang", Messages.DANISH), key));
    handlebars.registerHelper("bi", (Object text, Options o) -> bilingual(text, Boolean.TRUE.equals(o.param(0, false))));
    handlebars.registerHelper("json", (Object value, Options o) ->
        new Handlebars.SafeString(JsonMapping.encode(value).replace("</", "<\\/")));
  }

  public String render(String template, Object model) {
    try {
      return compiled.computeIfAbsent(template, this::compile).apply(model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a rendered page. */
  public void send(RoutingContext rc, int status, String template, Object model) {
    rc.response().setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(render(template, model));
  }

  /** A plain page saying that something does not exist. */
  public void notFound(RoutingContext rc, String what) {
    send(rc, 404, "not-found", Map.of("what", what));
  }

  /** A page saying the node cannot answer now (503); it reloads itself after a few seconds. */
  public void unavailable(RoutingContext rc) {
    if (!rc.response().ended() && !rc.response().closed()) {
      send(rc, 503, "unavailable", Map.of());
    }
  }

  private static Handlebars.SafeString bilingual(Object text, boolean english) {
    LocalizedText t = text instanceof LocalizedText l ? l
        : new LocalizedText(Messages.text(Messages.DANISH, (String) text), Messages.text(Messages.ENGLISH, (String) text));
    String da = "<span class=\"da\">" + Handlebars.Utils.escapeExpression(t.da()) + "</span>";
    if (!english) {
      return new Handlebars.SafeString(da);
    }
    String en = t.en() == null ? t.da() : t.en();
    return new Handlebars.SafeString(da + "<span class=\"en\" lang=\"en\">" + Handlebars.Utils.escapeExpression(en) + "</span>");
  }

  private Template compile(String name) {
    try {
      return handlebars.compile(name);
    } catch (IOException e) {
      throw new UncheckedIOException("template " + name, e);
    }
  }
}
