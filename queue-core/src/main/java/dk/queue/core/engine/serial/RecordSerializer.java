package dk.queue.core.engine.serial;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Writes a record as one Compact field per component, named like it, and reads it back through
 * the canonical constructor. A component that the writer did not have is given its default (null,
 * zero, empty), one the reader does not have is skipped: versions of a record that differ by a
 * component read each other's values.
 */
public final class RecordSerializer<T extends Record> implements CompactSerializer<T> {
  private final Class<T> type;
  private final String typeName;
  private final String[] names;
  private final Method[] accessors;
  private final Codec[] codecs;
  private final Constructor<T> constructor;

  public RecordSerializer(Class<T> type) {
    this(type, type.getName());
  }

  /** With a type name of its own: two classes with the same name are versions of one type. */
  public RecordSerializer(Class<T> type, String typeName) {
    this.type = type;
    this.typeName = typeName;
    RecordComponent[] components = type.getRecordComponents();
    names = new String[components.length];
    accessors = new Method[components.length];
    codecs = new Codec[components.length];
    Class<?>[] parameters = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      names[i] = components[i].getName();
      accessors[i] = components[i].getAccessor();
      accessors[i].setAccessible(true);
      codecs[i] = Codec.of(components[i].getGenericType());
      parameters[i] = components[i].getType();
    }
    try {
      constructor = type.getDeclaredConstructor(parameters);
      constructor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type + " has no canonical constructor", e);
    }
  }

  @Override
  public T read(CompactReader reader) {
    Object[] values = new Object[codecs.length];
    for (int i = 0; i < codecs.length; i++) {
      values[i] = codecs[i].present(reader, names[i]) ? codecs[i].read(reader, names[i]) : codecs[i].absent();
    }
    try {
      return constructor.newInstance(values);
    } catch (InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("cannot read a " + typeName + ": " + e.getCause(), e.getCause());
    }
  }

  @Override
  public void write(CompactWriter writer, T value) {
    for (int i = 0; i < codecs.length; i++) {
      Object component;
      try {
        component = accessors[i].invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
      codecs[i].write(writer, names[i], component);
    }
  }

  @Override
  public String getTypeName() {
    return typeName;
  }

  @Override
  public Class<T> getCompactClass() {
    return type;
  }
}
