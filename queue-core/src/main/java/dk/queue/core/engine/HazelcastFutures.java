package dk.queue.core.engine;

import com.hazelcast.spi.impl.DelegatingCompletableFuture;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Hazelcast's futures as Vert.x ones, each reply read once. A Hazelcast map future deserializes
 * its reply when it completes, and again for every callback given to its own {@code whenComplete}
 * (which {@link Future#fromCompletionStage} uses). {@link CompletableFuture#anyOf} waits for the
 * completion itself instead, which holds the value already read.
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

  @SuppressWarnings("unchecked")
  private static <T> CompletionStage<T> once(CompletionStage<T> stage) {
    if (stage.getClass() != DelegatingCompletableFuture.class) {
      return stage;
    }
    CompletableFuture<T> value = new CompletableFuture<>();
    CompletableFuture.anyOf((CompletableFuture<T>) stage).whenComplete((v, error) -> {
      if (error == null) {
        value.complete((T) v);
      } else {
        value.completeExceptionally(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
      }
    });
    return value;
  }
}
