package dk.queue.core.config;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.LocalizedText;
import dk.queue.core.sim.StaffingAdvice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the file's tree into a {@link QueueConfig}, section by section, collecting every problem
 * before giving up.
 */
final class OrganisationReader {
  private static final List<OutcomeDef> DEFAULT_OUTCOMES =
      List.of(new OutcomeDef("served", new LocalizedText("Ekspederet", "Served")));

  private OrganisationReader() {}

  static QueueConfig read(YamlNode root, String source) {
    Fields top = root.fields("services", "branches", "staff", "screens", "kiosks", "outcomes",
        "signage", "staffSessionMinutes", "retention", "signedOutCloseMinutes", "planning", "oidc", "reminders");
    // Without these two lists every other section would only report consequences.
    List<YamlNode> serviceItems = top.required("services").items();
    List<YamlNode> branchItems = top.required("branches").items();
    if (branchItems.isEmpty()) {
      throw top.required("branches").problem("name at least one branch");
    }
    // Ids are gathered before anything is checked so that a reference to a thing whose definition
    // is broken is not reported a second time as unknown.
    Set<String> serviceIds = declaredIds(serviceItems, "id");
    Set<String> branchIds = declaredIds(branchItems, "id");

    Problems problems = new Problems();
    Map<String, ServiceTemplate> services = ServiceReader.read(serviceItems, problems);
    List<BranchDef> branches = new BranchReader(services, serviceIds, problems).read(branchItems);
    List<YamlNode> staffItems = items(top, "staff", problems);
    Map<String, StaffMember> staff = StaffReader.read(staffItems, serviceIds, branchIds, problems);
    DeviceReader devices = new DeviceReader(branchIds, branches, problems);
    List<ScreenDef> screens = devices.screens(items(top, "screens", problems));
    List<KioskDef> kiosks = devices.kiosks(items(top, "kiosks", problems));
    List<OutcomeDef> outcomes = top.optional("outcomes")
        .map(node -> problems.attempt(() -> outcomes(node)).orElse(List.of()))
        .orElse(DEFAULT_OUTCOMES);
    Duration session = top.optional("staffSessionMinutes")
        .flatMap(node -> problems.attempt(() -> Duration.ofMinutes(node.integer(5, 24 * 60))))
        .orElse(QueueConfig.DEFAULT_STAFF_SESSION);
    Duration signedOutClose = top.optional("signedOutCloseMinutes")
        .flatMap(node -> problems.attempt(() -> Duration.ofMinutes(node.integer(1, 24 * 60))))
        .orElse(QueueConfig.DEFAULT_SIGNED_OUT_CLOSE);
    Map<String, Look> looks = LookReader.read(items(top, "signage", problems), branchIds, problems);
    int retentionDays = top.optional("retention")
        .map(node -> problems.attempt(() -> retentionDays(node)).orElse(QueueConfig.DEFAULT_RETENTION_DAYS))
        .orElse(QueueConfig.DEFAULT_RETENTION_DAYS);
    StaffingAdvice.Target planning = top.optional("planning")
        .flatMap(node -> problems.attempt(() -> planning(node)))
        .orElse(StaffingAdvice.Target.DEFAULT);
    OidcConfig oidc = top.optional("oidc")
        .flatMap(node -> problems.attempt(() -> OidcReader.read(node, staffItems)))
        .orElse(null);
    ReminderSettings reminders = top.optional("reminders")
        .flatMap(node -> problems.attempt(() -> ReminderReader.read(node, System::getenv)))
        .orElse(null);
    problems.throwIfAny();
    return new QueueConfig(source, branches, staff, screens, kiosks, outcomes, session, looks, retentionDays,
        signedOutClose, planning, oidc, reminders);
  }

  /** An optional list section; absent is empty. */
  private static List<YamlNode> items(Fields top, String section, Problems problems) {
    return top.optional(section).flatMap(node -> problems.attempt(node::items)).orElse(List.of());
  }

  /** {@code retention: {days: N}}: how many days of events the store keeps. */
  private static int retentionDays(YamlNode node) {
    return node.fields("days").required("days").integer(1, QueueConfig.MAX_RETENTION_DAYS);
  }

  /**
   * {@code planning: {targetWaitMinutes: N, sharePercent: P}}: the staffing advice's aim, P % of
   * tickets called within N minutes; each field optional.
   */
  private static StaffingAdvice.Target planning(YamlNode node) {
    Fields f = node.fields("targetWaitMinutes", "sharePercent");
    StaffingAdvice.Target d = StaffingAdvice.Target.DEFAULT;
    int minutes = f.optional("targetWaitMinutes").map(n -> n.integer(1, 24 * 60)).orElse(d.waitSeconds() / 60);
    int percent = f.optional("sharePercent").map(n -> n.integer(1, 100)).orElse((int) Math.round(d.share() * 100));
    return new StaffingAdvice.Target(minutes * 60, percent / 100.0);
  }

  /** What staff may record when a ticket is done: a code alone, or {@code {id, name: {da, en}}}. */
  private static List<OutcomeDef> outcomes(YamlNode node) {
    UniqueIds codes = new UniqueIds("outcome");
    List<OutcomeDef> outcomes = new ArrayList<>();
    for (YamlNode item : node.items()) {
      if (item.isScalar()) {
        String code = codes.claim(item.id(), item);
        outcomes.add(new OutcomeDef(code, new LocalizedText(code, null)));
      } else {
        Fields f = item.fields("id", "name");
        String code = codes.claim(f.required("id").id(), f.required("id"));
        outcomes.add(new OutcomeDef(code, ServiceReader.name(f.required("name"))));
      }
    }
    if (outcomes.isEmpty()) {
      throw node.problem("name at least one outcome, such as served");
    }
    return outcomes;
  }

  /** The ids the items give themselves, readable or not otherwise; malformed items are skipped here. */
  private static Set<String> declaredIds(List<YamlNode> items, String field) {
    Set<String> ids = new LinkedHashSet<>();
    for (YamlNode item : items) {
      if (item.kind() != YamlNode.Kind.MAP) {
        continue;
      }
      for (YamlNode.Entry e : item.entries()) {
        if (e.key().text().equals(field) && e.value().isScalar() && e.value().hasText()) {
          ids.add(e.value().text());
        }
      }
    }
    return ids;
  }
}
