package dk.queue.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the {@code signage} section: each branch's logo, colours and slides. */
final class LookReader {
  private LookReader() {}

  static Map<String, Look> read(List<YamlNode> items, Set<String> branches, Problems problems) {
    UniqueIds ids = new UniqueIds("signage branch");
    Map<String, Look> looks = new LinkedHashMap<>();
    for (YamlNode item : items) {
      problems.attempt(() -> {
        Fields f = item.fields("branch", "logo", "colours", "slides");
        YamlNode branchNode = f.required("branch");
        String branch = ids.claim(branchNode.id(), branchNode);
        if (!branches.contains(branch)) {
          throw branchNode.problem(Suggestions.unknown("branch", "branches", branch, branches));
        }
        Look colours = f.optional("colours").map(LookReader::colours).orElse(Look.DEFAULT);
        List<Look.Slide> slides = f.optional("slides").map(LookReader::slides).orElse(List.of());
        return Map.entry(branch, new Look(f.optional("logo").map(YamlNode::text).orElse(null), colours.background(),
            colours.text(), colours.muted(), colours.accent(), slides));
      }).ifPresent(e -> looks.put(e.getKey(), e.getValue()));
    }
    return looks;
  }

  /** Colours, each defaulting to the system's own; every one must read on the background. */
  private static Look colours(YamlNode node) {
    Fields f = node.fields("background", "text", "muted", "accent");
    Look d = Look.DEFAULT;
    String background = f.optional("background").map(LookReader::colour).orElse(d.background());
    String text = f.optional("text").map(LookReader::colour).orElse(d.text());
    String muted = f.optional("muted").map(LookReader::colour).orElse(d.muted());
    String accent = f.optional("accent").map(LookReader::colour).orElse(d.accent());
    Map<String, String> onBackground = new LinkedHashMap<>();
    onBackground.put("text", text);
    onBackground.put("muted", muted);
    onBackground.put("accent", accent);
    onBackground.forEach((name, colour) -> {
      double ratio = Contrast.ratio(colour, background);
      if (ratio < Contrast.AA) {
        YamlNode where = f.optional(name).orElse(f.optional("background").orElse(node));
        throw where.problem(String.format(Locale.ROOT,
            "%s %s on background %s has contrast %.2f:1; WCAG 2.2 AA needs at least %.1f:1",
            name, colour, background, ratio, Contrast.AA));
      }
    });
    return new Look(null, background, text, muted, accent, List.of());
  }

  private static String colour(YamlNode node) {
    String colour = node.text();
    if (!Contrast.isColour(colour)) {
      throw node.problem("'" + colour + "' is not a colour: write it as #rrggbb, in quotes");
    }
    return colour;
  }

  private static List<Look.Slide> slides(YamlNode node) {
    List<Look.Slide> slides = new ArrayList<>();
    for (YamlNode item : node.items()) {
      Fields f = item.fields("title", "text");
      slides.add(new Look.Slide(f.optional("title").map(ServiceReader::name).orElse(null),
          ServiceReader.name(f.required("text"))));
    }
    return slides;
  }
}
