package dk.queue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real member: a map future's reply is read once on its way to Vert.x, and a failure arrives as itself. */
class HazelcastFuturesIT {
  static final AtomicInteger READS = new AtomicInteger();
  static HazelcastInstance member;

  record Reply(String text) {}

  record Answer(String text) implements EntryProcessor<String, String, Reply> {
    @Override
    public Reply process(Map.Entry<String, String> entry) {
      if (text == null) {
        throw new IllegalStateException("refused");
      }
      entry.setValue(text);
      return new Reply(text);
    }
  }

  @BeforeAll
  static void start() {
    Config config = new Config().setClusterName("futures-" + UUID.randomUUID());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    config.getSerializationConfig().getCompactSerializationConfig().addSerializer(new CompactSerializer<Reply>() {
      @Override
      public Reply read(CompactReader reader) {
        READS.incrementAndGet();
        return new Reply(reader.readString("text"));
      }

      @Override
      public void write(CompactWriter writer, Reply reply) {
        writer.writeString("text", reply.text());
      }

      @Override
      public String getTypeName() {
        return "reply";
      }

      @Override
      public Class<Reply> getCompactClass() {
        return Reply.class;
      }
    });
    member = Hazelcast.newHazelcastInstance(config);
  }

  @AfterAll
  static void stop() {
    member.shutdown();
  }

  @Test
  void aReplyIsReadOnce() throws Exception {
    IMap<String, String> map = member.getMap("futures");
    for (int i = 0; i < 20; i++) {
      READS.set(0);
      Reply reply = HazelcastFutures.of(map.submitToKey("k" + i, new Answer("hej " + i)))
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(reply).isEqualTo(new Reply("hej " + i));
      TimeUnit.MILLISECONDS.sleep(20);
      assertThat(READS.get()).as("reads of reply %d", i).isEqualTo(1);
    }
  }

  @Test
  void aFailureArrivesAsItself() throws Exception {
    IMap<String, String> map = member.getMap("futures");
    try {
      HazelcastFutures.of(map.submitToKey("x", new Answer(null))).toCompletionStage().toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
      throw new AssertionError("the entry processor's failure was not reported");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("refused");
    }
    assertThat(map.get("x")).isNull();
  }
}
