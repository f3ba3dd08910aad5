package dk.queue.core.http;

/**
 * The values and entry processors of the HTTP edge's cluster maps (sign-in attempts, kiosks'
 * tickets): written in Hazelcast's Compact format like the engine's, since Java deserialization of
 * our classes is refused.
 */
public final class ClusterValues {
  private ClusterValues() {}

  public static Class<?>[] types() {
    return new Class<?>[] {SignInAttempts.Attempts.class, SignInAttempts.Reserve.class, Kiosks.Printed.class,
        Kiosks.Print.class, RateLimits.Window.class, RateLimits.Take.class,
        DeskProfiles.Profiles.class, DeskProfiles.Change.class, ScreenSound.Sound.class, ScreenSound.Reported.class};
  }
}
