package dk.queue.core.node;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition instead of sleeping for a guessed time. */
public final class Eventually {
  private Eventually() {}

  /**
   * Asks for a value until it passes the check, every 100 ms up to {@code limit}; returns the
   * value that passed, or the last one asked for when time ran out (the caller then asserts on it).
   */
  public static <T> T value(Duration limit, Callable<T> ask, java.util.function.Predicate<T> check) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    T value = ask.call();
    while (!check.test(value) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      value = ask.call();
    }
    return value;
  }
}
