package dk.queue.core.engine;

import com.hazelcast.spi.impl.DelegatingCompletableFuture;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Hazelcast's futures as Vert.x ones, each reply read once. A Hazelcast map future deserializes
 * its reply for itself, and again for every callback given to its own {@code whenComplete}, which
 * {@link Future#fromCompletionStage} uses. Here the callback hangs on the future it delegates to
 * (which holds the reply's bytes) and takes the value the map future has read, or reads it for it.
 */
public final class HazelcastFutures {
  private HazelcastFutures() {}

  /** The stage as a future whose callbacks run on {@code context}. */
  public static <T> Future<T> of(CompletionStage<T> stage, Context context) {
    return Future.fromCompletionStage(once(stage), context);
  }

  /** The stage as a future whose callbacks run where it completes. */
  public static <T> Future<T> of(CompletionStage<T> stage) {
    return Future.fromCompletionStage(once(stage));
  }

  private static <T> CompletionStage<T> once(CompletionStage<T> stage) {
    if (!(stage instanceof DelegatingCompletableFuture<T> map) || !(map.getDelegate() instanceof CompletableFuture<?> raw)) {
      return stage;
    }
    CompletableFuture<T> value = new CompletableFuture<>();
    raw.whenComplete((bytes, error) -> {
      if (error != null) {
        value.completeExceptionally(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
        return;
      }
      try {
        value.complete(map.getNow(null));
      } catch (RuntimeException e) {
        value.completeExceptionally(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
      }
    });
    return value;
  }
}
