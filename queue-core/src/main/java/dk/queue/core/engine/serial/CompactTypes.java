package dk.queue.core.engine.serial;

import com.hazelcast.config.CompactSerializationConfig;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Registers a Compact serializer for every record reachable from some root types: through record
 * components (and their type arguments) and the permitted subtypes of sealed interfaces. A record
 * that a root comes to hold is registered without a change here.
 */
public final class CompactTypes {
  private CompactTypes() {}

  /** The records reachable from these types. */
  public static Set<Class<? extends Record>> reachable(Class<?>... roots) {
    Set<Class<?>> seen = new LinkedHashSet<>();
    Set<Class<? extends Record>> records = new LinkedHashSet<>();
    for (Class<?> root : roots) {
      visit(root, seen, records);
    }
    return records;
  }

  /** Adds a serializer for each record reachable from the roots, and the helpers they need. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void register(CompactSerializationConfig config, Class<?>... roots) {
    for (Class<? extends Record> type : reachable(roots)) {
      config.addSerializer(new RecordSerializer(type));
    }
  }

  /** The serializers every member needs besides those of the records. */
  public static void registerHelpers(CompactSerializationConfig config) {
    config.addSerializer(new Elements.Nested.Serializer());
  }

  @SuppressWarnings("unchecked")
  private static void visit(Type type, Set<Class<?>> seen, Set<Class<? extends Record>> records) {
    if (type instanceof ParameterizedType p) {
      for (Type arg : p.getActualTypeArguments()) {
        visit(arg, seen, records);
      }
      return;
    }
    if (!(type instanceof Class<?> c) || !seen.add(c)) {
      return;
    }
    if (c.isRecord()) {
      records.add((Class<? extends Record>) c);
      for (RecordComponent rc : c.getRecordComponents()) {
        visit(rc.getGenericType(), seen, records);
      }
    } else if (c.isSealed()) {
      for (Class<?> sub : c.getPermittedSubclasses()) {
        visit(sub, seen, records);
      }
    }
  }
}
