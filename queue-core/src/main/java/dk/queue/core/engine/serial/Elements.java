package dk.queue.core.engine.serial;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** The elements of a list, a set, or a map's keys or values, written as one Compact array field. */
abstract class Elements {
  abstract void write(CompactWriter w, String name, Collection<?> items);

  abstract List<Object> read(CompactReader r, String name);

  static Elements of(Type type) {
    if (type instanceof ParameterizedType p && Collection.class.isAssignableFrom((Class<?>) p.getRawType())) {
      Elements inner = of(p.getActualTypeArguments()[0]);
      if (!(inner instanceof Strings || inner instanceof Compacts)) {
        throw new IllegalArgumentException("no Compact codec for a collection of " + type);
      }
      return new Compacts(Nested.class, Nested::new, n -> ((Nested) n).items);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return new Strings(s -> s);
    }
    if (c == ZoneId.class || c.isEnum()) {
      return new Strings(parser(c));
    }
    if (c == Integer.class) {
      return new Numbers<>((w, n, items) -> w.writeArrayOfNullableInt32(n, items == null ? null : items.toArray(new Integer[0])),
          (r, n) -> r.readArrayOfNullableInt32(n));
    }
    if (c == Long.class) {
      return new Numbers<>((w, n, items) -> w.writeArrayOfNullableInt64(n, items == null ? null : items.toArray(new Long[0])),
          (r, n) -> r.readArrayOfNullableInt64(n));
    }
    if (c.isRecord() || c.isInterface()) {
      return new Compacts(c, Function.identity(), Function.identity());
    }
    throw new IllegalArgumentException("no Compact codec for a collection of " + type);
  }

  static String text(Object value) {
    return value instanceof Enum<?> e ? e.name() : value.toString();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Function<String, Object> parser(Class<?> c) {
    if (c == ZoneId.class) {
      return ZoneId::of;
    }
    return s -> Enum.valueOf((Class) c, s);
  }

  /** Boxed numbers, as an array of nullable numbers. */
  private static final class Numbers<N> extends Elements {
    interface Writer {
      void write(CompactWriter w, String name, Collection<?> items);
    }

    private final Writer writer;
    private final Codec.Reader<N[]> reader;

    Numbers(Writer writer, Codec.Reader<N[]> reader) {
      this.writer = writer;
      this.reader = reader;
    }

    @Override
    void write(CompactWriter w, String name, Collection<?> items) {
      writer.write(w, name, items);
    }

    @Override
    List<Object> read(CompactReader r, String name) {
      return Codec.list(reader.read(r, name));
    }
  }

  /** Strings, or values written as their text (enums, zones). */
  private static final class Strings extends Elements {
    private final Function<String, Object> parse;

    Strings(Function<String, Object> parse) {
      this.parse = parse;
    }

    @Override
    void write(CompactWriter w, String name, Collection<?> items) {
      if (items == null) {
        w.writeArrayOfString(name, null);
        return;
      }
      String[] texts = new String[items.size()];
      int i = 0;
      for (Object o : items) {
        texts[i++] = o == null ? null : text(o);
      }
      w.writeArrayOfString(name, texts);
    }

    @Override
    List<Object> read(CompactReader r, String name) {
      String[] texts = r.readArrayOfString(name);
      if (texts == null) {
        return null;
      }
      List<Object> items = new ArrayList<>(texts.length);
      for (String s : texts) {
        items.add(s == null ? null : parse.apply(s));
      }
      return items;
    }
  }

  /** Compact values (records), or collections wrapped as {@link Nested}. */
  private static final class Compacts extends Elements {
    private final Class<?> type;
    private final Function<Object, Object> wrap;
    private final Function<Object, Object> unwrap;

    @SuppressWarnings("unchecked")
    Compacts(Class<?> type, Function<? super Collection<?>, ?> wrap, Function<Object, Object> unwrap) {
      this.type = type;
      this.wrap = (Function<Object, Object>) (Function<?, ?>) wrap;
      this.unwrap = unwrap;
    }

    @Override
    void write(CompactWriter w, String name, Collection<?> items) {
      if (items == null) {
        w.writeArrayOfCompact(name, null);
        return;
      }
      Object[] values = (Object[]) java.lang.reflect.Array.newInstance(type, items.size());
      int i = 0;
      for (Object o : items) {
        values[i++] = wrap.apply(o);
      }
      w.writeArrayOfCompact(name, values);
    }

    @Override
    List<Object> read(CompactReader r, String name) {
      Object[] values = r.readArrayOfCompact(name, type);
      if (values == null) {
        return null;
      }
      List<Object> items = new ArrayList<>(values.length);
      for (Object o : values) {
        items.add(unwrap.apply(o));
      }
      return items;
    }
  }

  /** A collection inside a collection (a queue among the queues): strings, or Compact values. */
  static final class Nested {
    final List<Object> items;

    Nested(Collection<?> items) {
      this.items = new ArrayList<>(items);
    }

    static final class Serializer implements CompactSerializer<Nested> {
      @Override
      public Nested read(CompactReader r) {
        String[] strings = r.readArrayOfString("strings");
        return new Nested(strings != null ? List.of(strings) : Codec.list(r.readArrayOfCompact("items", Object.class)));
      }

      @Override
      public void write(CompactWriter w, Nested n) {
        boolean strings = n.items.stream().allMatch(o -> o instanceof String);
        w.writeArrayOfString("strings", strings ? n.items.toArray(new String[0]) : null);
        w.writeArrayOfCompact("items", strings ? null : n.items.toArray());
      }

      @Override
      public String getTypeName() {
        return "queue.Nested";
      }

      @Override
      public Class<Nested> getCompactClass() {
        return Nested.class;
      }
    }
  }
}
