package dk.queue.core.engine.serial;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** How one record component (of a given Java type) is written as Compact fields and read back. */
abstract class Codec {
  abstract void write(CompactWriter w, String name, Object value);

  abstract Object read(CompactReader r, String name);

  /** The value of a component the writer did not know (written by an older version). */
  Object absent() {
    return null;
  }

  /** Whether the writer wrote the field, or the value comes from a version without it. */
  boolean present(CompactReader r, String name) {
    return r.getFieldKind(name) != FieldKind.NOT_AVAILABLE;
  }

  static Codec of(Type type) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (Map.class.isAssignableFrom(raw)) {
        return new MapCodec(Elements.of(args[0]), Elements.of(args[1]));
      }
      if (Collection.class.isAssignableFrom(raw)) {
        return new CollectionCodec(Elements.of(args[0]), Set.class.isAssignableFrom(raw));
      }
      throw new IllegalArgumentException("no Compact codec for " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return simple(CompactWriter::writeString, CompactReader::readString);
    }
    if (c == long.class) {
      return new Simple<Long>((w, n, v) -> w.writeInt64(n, v), CompactReader::readInt64, 0L);
    }
    if (c == Long.class) {
      return simple(CompactWriter::writeNullableInt64, CompactReader::readNullableInt64);
    }
    if (c == int.class) {
      return new Simple<Integer>((w, n, v) -> w.writeInt32(n, v), CompactReader::readInt32, 0);
    }
    if (c == Integer.class) {
      return simple(CompactWriter::writeNullableInt32, CompactReader::readNullableInt32);
    }
    if (c == boolean.class) {
      return new Simple<Boolean>((w, n, v) -> w.writeBoolean(n, v), CompactReader::readBoolean, false);
    }
    if (c == Boolean.class) {
      return simple(CompactWriter::writeNullableBoolean, CompactReader::readNullableBoolean);
    }
    if (c == Instant.class) {
      return new Simple<Instant>((w, n, v) -> w.writeTimestampWithTimezone(n, v == null ? null : v.atOffset(ZoneOffset.UTC)),
          (r, n) -> {
            OffsetDateTime t = r.readTimestampWithTimezone(n);
            return t == null ? null : t.toInstant();
          }, null);
    }
    if (c == OffsetDateTime.class) {
      return simple(CompactWriter::writeTimestampWithTimezone, CompactReader::readTimestampWithTimezone);
    }
    if (c == LocalDate.class) {
      return simple(CompactWriter::writeDate, CompactReader::readDate);
    }
    if (c == LocalTime.class) {
      return simple(CompactWriter::writeTime, CompactReader::readTime);
    }
    if (c == ZoneId.class || c.isEnum()) {
      Function<String, Object> parse = Elements.parser(c);
      return new Simple<Object>((w, n, v) -> w.writeString(n, v == null ? null : Elements.text(v)),
          (r, n) -> {
            String s = r.readString(n);
            return s == null ? null : parse.apply(s);
          }, null);
    }
    if (c.isRecord() || c.isInterface()) {
      return simple(CompactWriter::writeCompact, (r, n) -> r.readCompact(n));
    }
    throw new IllegalArgumentException("no Compact codec for " + type);
  }

  interface Writer<T> {
    void write(CompactWriter w, String name, T value);
  }

  interface Reader<T> {
    T read(CompactReader r, String name);
  }

  private static <T> Codec simple(Writer<T> writer, Reader<T> reader) {
    return new Simple<>(writer, reader, null);
  }

  private static final class Simple<T> extends Codec {
    private final Writer<T> writer;
    private final Reader<T> reader;
    private final Object absent;

    Simple(Writer<T> writer, Reader<T> reader, Object absent) {
      this.writer = writer;
      this.reader = reader;
      this.absent = absent;
    }

    @Override
    @SuppressWarnings("unchecked")
    void write(CompactWriter w, String name, Object value) {
      writer.write(w, name, (T) value);
    }

    @Override
    Object read(CompactReader r, String name) {
      return reader.read(r, name);
    }

    @Override
    Object absent() {
      return absent;
    }
  }

  /** A list or set as one array field; absent, it is empty. */
  private static final class CollectionCodec extends Codec {
    private final Elements elements;
    private final boolean set;

    CollectionCodec(Elements elements, boolean set) {
      this.elements = elements;
      this.set = set;
    }

    @Override
    void write(CompactWriter w, String name, Object value) {
      elements.write(w, name, (Collection<?>) value);
    }

    @Override
    Object read(CompactReader r, String name) {
      List<Object> items = elements.read(r, name);
      return items == null ? null : set ? new LinkedHashSet<>(items) : items;
    }

    @Override
    Object absent() {
      return set ? Set.of() : List.of();
    }
  }

  /** A map as two array fields, its keys and its values in the same order; absent, it is empty. */
  private static final class MapCodec extends Codec {
    private final Elements keys;
    private final Elements values;

    MapCodec(Elements keys, Elements values) {
      this.keys = keys;
      this.values = values;
    }

    @Override
    void write(CompactWriter w, String name, Object value) {
      Map<?, ?> map = (Map<?, ?>) value;
      List<Object> k = map == null ? null : new ArrayList<>(map.size());
      List<Object> v = map == null ? null : new ArrayList<>(map.size());
      if (map != null) {
        map.forEach((a, b) -> {
          k.add(a);
          v.add(b);
        });
      }
      keys.write(w, name + ".keys", k);
      values.write(w, name + ".values", v);
    }

    @Override
    Object read(CompactReader r, String name) {
      List<Object> k = keys.read(r, name + ".keys");
      List<Object> v = values.read(r, name + ".values");
      if (k == null) {
        return null;
      }
      Map<Object, Object> map = new LinkedHashMap<>(k.size() * 2);
      for (int i = 0; i < k.size(); i++) {
        map.put(k.get(i), v.get(i));
      }
      return map;
    }

    @Override
    boolean present(CompactReader r, String name) {
      return r.getFieldKind(name + ".keys") != FieldKind.NOT_AVAILABLE;
    }

    @Override
    Object absent() {
      return Map.of();
    }
  }

  static List<Object> list(Object[] array) {
    return array == null ? null : new ArrayList<>(Arrays.asList(array));
  }
}
