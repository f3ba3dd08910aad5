package dk.queue.core.engine;

import com.hazelcast.core.IndeterminateOperationStateException;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a member that was paused from answering as an owner. A process that was stopped (SIGSTOP,
 * a long garbage collection, a starved machine) may have been declared dead meanwhile, its
 * branches promoted elsewhere and their numbers and tickets given on; when it runs again it still
 * believes it owns them, and the backup it writes to may take the write. So a command that finds
 * this JVM's clock has jumped past its own ticks is refused as unconfirmed, and so is every
 * command for a while after, long enough for the member to learn what the cluster decided.
 */
final class Fence {
  /** A gap in the ticks this long means the process did not run. */
  static final long PAUSED_MS = 1500;
  /** How long after a pause the member answers nothing as owner: the failure detector, and more. */
  static final long HOLD_MS = 5000;
  private static final long TICK_MS = 100;
  private static volatile long lastTick = System.nanoTime();
  private static volatile long fencedUntil = lastTick;

  static {
    Thread ticker = new Thread(() -> {
      while (true) {
        try {
          Thread.sleep(TICK_MS);
        } catch (InterruptedException e) {
          return;
        }
        noteGap(System.nanoTime());
        lastTick = System.nanoTime();
      }
    }, "queue-fence");
    ticker.setDaemon(true);
    ticker.start();
  }

  private Fence() {}

  private static void noteGap(long now) {
    if (now - lastTick > TimeUnit.MILLISECONDS.toNanos(PAUSED_MS)) {
      fencedUntil = Math.max(fencedUntil, now + TimeUnit.MILLISECONDS.toNanos(HOLD_MS));
    }
  }

  /** Throws when this member was paused lately: its answer as owner could not be kept. */
  static void check() {
    long now = System.nanoTime();
    noteGap(now);
    if (now - fencedUntil < 0) {
      throw new IndeterminateOperationStateException("this member was paused lately; its answer is not confirmed");
    }
  }
}
