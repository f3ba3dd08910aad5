package dk.queue.core.engine;

import com.hazelcast.config.CompactSerializationConfig;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Event;
import dk.queue.core.domain.Recorded;
import dk.queue.core.engine.serial.CompactTypes;

/**
 * Everything the engine sends between members, in Hazelcast's Compact format: the branch state
 * (the map's values), commands and their replies, events, and the entry processors that carry
 * them. Nothing of ours goes through Java serialization.
 */
public final class ClusterTypes {
  private ClusterTypes() {}

  public static void register(CompactSerializationConfig config) {
    CompactTypes.registerHelpers(config);
    CompactTypes.register(config, BranchState.class, Outcome.class, Command.class, Event.class, Recorded.class);
    config.addSerializer(new Processor<>(CommandProcessor.class,
        (w, p) -> {
          w.writeCompact("command", p.command);
          w.writeString("key", p.key);
          w.writeBoolean("backup", p.backup);
        }, r -> new CommandProcessor(r.readCompact("command"), r.readString("key"),
            r.getFieldKind("backup") == com.hazelcast.nio.serialization.FieldKind.BOOLEAN && r.readBoolean("backup"))));
    config.addSerializer(new Processor<>(AppliedCommand.class,
        (w, p) -> {
          w.writeArrayOfCompact("events", p.events.toArray(new Recorded[0]));
          w.writeString("desk", p.desk);
          w.writeString("key", p.key);
          w.writeString("ticket", p.ticket);
        }, r -> new AppliedCommand(java.util.List.of(r.readArrayOfCompact("events", Recorded.class)),
            r.readString("desk"), r.readString("key"), r.readString("ticket"))));
    config.addSerializer(new Processor<>(ConfirmedState.class, (w, p) -> { }, r -> new ConfirmedState()));
    config.addSerializer(new Processor<>(AckProcessor.class, (w, p) -> {
      w.writeInt64("fromSeq", p.fromSeq);
      w.writeInt64("uptoSeq", p.uptoSeq);
    }, r -> new AckProcessor(r.readInt64("fromSeq"), r.readInt64("uptoSeq"))));
    config.addSerializer(new Processor<>(OutboxHead.class,
        (w, p) -> w.writeInt32("limit", p.limit), r -> new OutboxHead(r.readInt32("limit"))));
  }

  private record Processor<T>(Class<T> type, java.util.function.BiConsumer<CompactWriter, T> writer,
                              java.util.function.Function<CompactReader, T> reader) implements CompactSerializer<T> {
    @Override
    public T read(CompactReader r) {
      return reader.apply(r);
    }

    @Override
    public void write(CompactWriter w, T value) {
      writer.accept(w, value);
    }

    @Override
    public String getTypeName() {
      return type.getName();
    }

    @Override
    public Class<T> getCompactClass() {
      return type;
    }
  }
}
