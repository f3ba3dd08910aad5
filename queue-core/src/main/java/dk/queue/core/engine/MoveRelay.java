package dk.queue.core.engine;

import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Event;
import dk.queue.core.domain.MoveEvent;
import dk.queue.core.domain.MoveRequest;
import dk.queue.core.domain.Moves;
import dk.queue.core.domain.Ticket;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finishes the moves of tickets to other branches ({@link Moves}): the second write of each, in
 * the destination, and the confirmation back in the source. Run at once by the node that recorded a
 * move, and every {@link #RETRY_MS} by the owner of each source branch for the moves its replicated
 * state still holds as waiting: after the death of a node between the two writes, the branch's new
 * owner finishes them. The destination recognises a ticket it took in already by its id, so a move
 * done twice issues one ticket. Moves of one branch go one at a time, oldest ticket first, so the
 * destination numbers them in the order their holders took their tickets.
 */
public final class MoveRelay {
  private static final System.Logger LOG = System.getLogger(MoveRelay.class.getName());
  /** How often an owner looks for moves still waiting. */
  static final long RETRY_MS = 1000;
  /**
   * The longest one round of a branch's moves may take: a write held up by a member that died
   * (its partitions not yet taken over) lets the next round try again rather than hold the branch.
   */
  static final long ROUND_MS = 10_000;

  private final Vertx vertx;
  private final Engine engine;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean held;
  private long timer = -1;

  public MoveRelay(Vertx vertx, Engine engine) {
    this.vertx = vertx;
    this.engine = engine;
  }

  public void start() {
    engine.onEvents((def, outcome) -> {
      if (outcome.events().stream().anyMatch(r -> r.event() instanceof Event.Moved m && m.change() instanceof MoveEvent.Out)) {
        engine.state(def.id()).onSuccess(s -> relay(def.id(), s));
      }
    });
    timer = vertx.setPeriodic(RETRY_MS, t -> {
      for (BranchState s : engine.localStates()) {
        if (s.moves().values().stream().anyMatch(Moves.Move::pending)) {
          relay(s.def().id(), s);
        }
      }
    });
  }

  /** Holds (true) or lets go the moves of this node: a held node leaves a move between its two writes. */
  public void hold(boolean hold) {
    held = hold;
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  private void relay(String branch, BranchState state) {
    if (held || !inFlight.add(branch)) {
      return;
    }
    Future<Void> chain = Future.succeededFuture();
    for (Moves.Move m : Moves.pending(state)) {
      chain = chain.compose(v -> held ? Future.failedFuture("held") : finish(branch, m));
    }
    chain.timeout(ROUND_MS, java.util.concurrent.TimeUnit.MILLISECONDS).onComplete(ar -> {
      inFlight.remove(branch);
      if (ar.failed() && !held) {
        LOG.log(System.Logger.Level.WARNING, "moves from " + branch + " wait: " + ar.cause().getMessage());
      }
    });
  }

  private Future<Void> finish(String branch, Moves.Move m) {
    Command in = new Command.Move(engine.clock().instant(), new MoveRequest.In(m.newTicket(), m.toService(), branch,
        m.ticket(), m.issuedAt(), m.language()));
    return engine.execute(m.toBranch(), in).compose(o -> {
      if (!o.accepted()) {
        return Future.failedFuture(m.toBranch() + " refused " + m.number() + ": " + o.rejection().message());
      }
      return engine.state(m.toBranch());
    }).compose(dest -> {
      // Taken in long ago and gone from the day's list: the move is done all the same.
      String number = dest.ticket(m.newTicket()).map(Ticket::number).orElse("-");
      return engine.execute(branch, new Command.Move(engine.clock().instant(), new MoveRequest.Confirm(m.ticket(), number)));
    }).mapEmpty();
  }
}
