package dk.queue.core.config;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.LocalizedText;
import dk.queue.core.sim.StaffingAdvice;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation as configured: branches with their services and desks, staff, screens, kiosks
 * and the outcomes staff may record when a ticket is done. Built and validated once at start.
 *
 * @param source        where it was read from, for messages
 * @param outcomeDefs   the outcomes staff may record, in the order the desk offers them
 * @param staffSession  how long a staff sign-in lasts before it must be renewed
 * @param looks         each branch's screen look, where the configuration gives one
 * @param retentionDays how many days of events the store keeps ({@code retention: {days: N}});
 *                      older ones are deleted daily
 * @param signedOutClose how long a desk whose staff signed out without closing it stays paused
 *                       before it closes by itself ({@code signedOutCloseMinutes})
 * @param planning      what the staffing advice on {@code /ops/plan} aims for
 *                      ({@code planning: {targetWaitMinutes: N, sharePercent: P}})
 * @param oidc          staff sign-in through an OpenID Connect provider ({@code oidc:}), or null
 * @param reminders     how booked citizens are reminded, or null: not at all
 */
public record QueueConfig(String source, List<BranchDef> branches, Map<String, StaffMember> staff,
                          List<ScreenDef> screens, List<KioskDef> kiosks, List<OutcomeDef> outcomeDefs,
                          Duration staffSession, Map<String, Look> looks, int retentionDays, Duration signedOutClose,
                          StaffingAdvice.Target planning, OidcConfig oidc, ReminderSettings reminders) {
  public static final Duration DEFAULT_STAFF_SESSION = Duration.ofHours(10);
  public static final Duration DEFAULT_SIGNED_OUT_CLOSE = Duration.ofMinutes(10);
  /** Kept when the configuration does not say: a quarter of a year of statistics. */
  public static final int DEFAULT_RETENTION_DAYS = 90;
  public static final int MAX_RETENTION_DAYS = 3660;

  public QueueConfig {
    branches = List.copyOf(branches);
    staff = Map.copyOf(staff);
    screens = List.copyOf(screens);
    kiosks = List.copyOf(kiosks);
    outcomeDefs = List.copyOf(outcomeDefs);
    java.util.Objects.requireNonNull(staffSession, "staffSession");
    looks = Map.copyOf(looks);
    java.util.Objects.requireNonNull(signedOutClose, "signedOutClose");
    java.util.Objects.requireNonNull(planning, "planning");
  }

  /** A configuration without sign-in through an OpenID Connect provider and without reminders. */
  public QueueConfig(String source, List<BranchDef> branches, Map<String, StaffMember> staff,
                     List<ScreenDef> screens, List<KioskDef> kiosks, List<OutcomeDef> outcomeDefs,
                     Duration staffSession, Map<String, Look> looks, int retentionDays, Duration signedOutClose,
                     StaffingAdvice.Target planning) {
    this(source, branches, staff, screens, kiosks, outcomeDefs, staffSession, looks, retentionDays, signedOutClose,
        planning, null, null);
  }

  /** Whether staff may sign in with user name and PIN: always, unless the {@code oidc:} section turns it off. */
  public boolean pinSignIn() {
    return oidc == null || oidc.pinSignIn();
  }

  /** The same configuration reminding booked citizens as {@code settings} say (null: not at all). */
  public QueueConfig withReminders(ReminderSettings settings) {
    return new QueueConfig(source, branches, staff, screens, kiosks, outcomeDefs, staffSession, looks, retentionDays,
        signedOutClose, planning, oidc, settings);
  }

  /** A configuration whose desks left signed out close after the default time, with the default planning target. */
  public QueueConfig(String source, List<BranchDef> branches, Map<String, StaffMember> staff,
                     List<ScreenDef> screens, List<KioskDef> kiosks, List<OutcomeDef> outcomeDefs,
                     Duration staffSession, Map<String, Look> looks, int retentionDays) {
    this(source, branches, staff, screens, kiosks, outcomeDefs, staffSession, looks, retentionDays,
        DEFAULT_SIGNED_OUT_CLOSE, StaffingAdvice.Target.DEFAULT);
  }

  /**
   * A configuration whose outcomes are named by their codes, with the default session time,
   * the default look on every screen and the default retention.
   */
  public QueueConfig(String source, List<BranchDef> branches, Map<String, StaffMember> staff,
                     List<ScreenDef> screens, List<KioskDef> kiosks, List<String> outcomes) {
    this(source, branches, staff, screens, kiosks,
        outcomes.stream().map(o -> new OutcomeDef(o, new LocalizedText(o, null))).toList(), DEFAULT_STAFF_SESSION,
        Map.of(), DEFAULT_RETENTION_DAYS);
  }

  /** The same configuration with desks left signed out closing after {@code close}. */
  public QueueConfig withSignedOutClose(Duration close) {
    return new QueueConfig(source, branches, staff, screens, kiosks, outcomeDefs, staffSession, looks, retentionDays,
        close, planning, oidc, reminders);
  }

  /** The outcome codes staff may record. */
  public List<String> outcomes() {
    return outcomeDefs.stream().map(OutcomeDef::id).toList();
  }

  /** How the branch's screens look. */
  public Look look(String branch) {
    return looks.getOrDefault(branch, Look.DEFAULT);
  }

  public Optional<BranchDef> branch(String id) {
    return branches.stream().filter(b -> b.id().equals(id)).findFirst();
  }

  public Optional<ScreenDef> screen(String id) {
    return screens.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<KioskDef> kiosk(String id) {
    return kiosks.stream().filter(k -> k.id().equals(id)).findFirst();
  }
}
