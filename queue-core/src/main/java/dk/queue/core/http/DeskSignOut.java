package dk.queue.core.http;

import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Desk;
import dk.queue.core.engine.Engine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A desk is never left open by someone who is gone: when staff sign out, or their last session runs
 * out, the desks they work pause at once ("signed out") and close by themselves after the
 * configured time ({@code signedOutCloseMinutes}) unless someone takes them on.
 */
public final class DeskSignOut {
  private static final System.Logger LOG = System.getLogger(DeskSignOut.class.getName());
  private final Engine engine;

  public DeskSignOut(Engine engine) {
    this.engine = engine;
  }

  /** Follows the sessions that run out: a user with no session left has their desks signed out. */
  public void watch(Vertx vertx, Sessions sessions) {
    sessions.onExpired(user -> vertx.<Boolean>executeBlocking(() -> user != null && !sessions.signedIn(user), false)
        .onSuccess(gone -> {
          if (gone) {
            desksOf(user, null, null);
          }
        }));
  }

  /**
   * Signs out the desks that {@code user} works and has not left already: the one named (branch
   * and desk), or, with none named, every one of them.
   */
  Future<Void> desksOf(String user, String branch, String desk) {
    Instant now = engine.clock().instant();
    Instant closesAt = now.plus(engine.config().signedOutClose());
    List<Future<?>> all = new ArrayList<>();
    engine.config().branches().stream().map(b -> b.id()).filter(b -> branch == null || b.equals(branch))
        .forEach(b -> all.add(engine.state(b).compose(state -> signOut(state, user, desk, now, closesAt))));
    return Future.join(all).onFailure(e -> LOG.log(System.Logger.Level.WARNING, "signing out " + user + ": " + e))
        .mapEmpty();
  }

  private Future<?> signOut(BranchState state, String user, String only, Instant now, Instant closesAt) {
    List<Future<?>> all = new ArrayList<>();
    for (Desk d : state.desks().values()) {
      if (user.equals(d.staff()) && d.mode() != Desk.Mode.CLOSED && d.closesAt() == null
          && (only == null || only.equals(d.id()))) {
        all.add(engine.execute(state.def().id(), new Command.SignOut(now, d.id(), user, closesAt)));
      }
    }
    return Future.join(all);
  }
}
