package dk.queue.core.engine;

/** Event-bus addresses and Hazelcast structure names, each defined once. */
public final class Addresses {
  private Addresses() {}

  /** The map of branch states, keyed by branch id. */
  public static final String BRANCH_MAP = "queue.branches";

  /** The map of staff sessions, keyed by token. */
  public static final String SESSION_MAP = "queue.sessions";
  /** Where a node that took on a new configuration sends its text to the other nodes. */
  public static final String CONFIG = "queue.config";
  /** The configuration's versions, keyed by version number (see {@code ConfigAdmin}). */
  public static final String CONFIG_VERSION_MAP = "queue.config-versions";
  /** Sign-in attempts per (user, client address), counted cluster-wide, each entry expiring. */
  public static final String SIGN_IN_MAP = "queue.sign-in";
  /** Counts per minute (tickets per address, per kiosk, per branch), cluster-wide, each entry expiring. */
  public static final String RATE_MAP = "queue.rate";
  /** Tickets issued at a kiosk with its key: which kiosk, how often printed; expiring. */
  public static final String KIOSK_TICKET_MAP = "queue.kiosk-tickets";
  /** Staff members' saved desk profiles, keyed by user. */
  public static final String DESK_PROFILE_MAP = "queue.desk-profiles";
  /** Whether each screen's sound plays and whether a tap turned it on, keyed by screen id. */
  public static final String SCREEN_SOUND_MAP = "queue.screen-sound";
  /** Sign-ins under way at an OpenID Connect provider, keyed by their state; expiring. */
  public static final String OIDC_FLOW_MAP = "queue.oidc-flows";
  /** The roles a provider gave each session whose roles come from a claim, keyed like the sessions. */
  public static final String SESSION_ROLES_MAP = "queue.session-roles";

  /** Where the changes of a branch are published. */
  public static String branchEvents(String branch) {
    return "queue.branch." + branch + ".events";
  }
}
