package dk.queue.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.queue.core.domain.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The one JSON mapping of the node: the API, the event bus and the event store all speak it.
 * Times as ISO-8601 strings, null fields left out, enums in lower case with hyphens
 * ({@code by-issue-time}), events tagged with their type name ({@code "type": "TicketCalled"}).
 */
public final class JsonMapping {
  private static final ObjectMapper MAPPER = create();

  private JsonMapping() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String encode(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  public static <T> T decode(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Decodes what the node stored earlier (an event log line or row): fields it does not know are
   * ignored, so that a node rolled back after a release that added a field still reads the log.
   */
  public static <T> T decodeStored(String json, Class<T> type) {
    try {
      return MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The API's spelling of an enum constant. */
  public static String enumCode(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  private interface EventTypeMixin {}

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static ObjectMapper create() {
    ObjectMapper m = new ObjectMapper();
    m.registerModule(new JavaTimeModule());
    m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    m.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    m.setSerializationInclusion(JsonInclude.Include.NON_NULL);
    m.addMixIn(Event.class, EventTypeMixin.class);
    for (Class<?> type : Event.class.getPermittedSubclasses()) {
      m.registerSubtypes(new NamedType(type, type.getSimpleName()));
    }
    m.addMixIn(dk.queue.core.domain.BookingEvent.class, EventTypeMixin.class);
    for (Class<?> type : dk.queue.core.domain.BookingEvent.class.getPermittedSubclasses()) {
      m.registerSubtypes(new NamedType(type, type.getSimpleName()));
    }
    m.addMixIn(dk.queue.core.domain.MoveEvent.class, EventTypeMixin.class);
    for (Class<?> type : dk.queue.core.domain.MoveEvent.class.getPermittedSubclasses()) {
      m.registerSubtypes(new NamedType(type, "Move" + type.getSimpleName()));
    }
    SimpleModule enums = new SimpleModule("enum-codes");
    enums.addSerializer(Enum.class, new StdSerializer<Enum>(Enum.class) {
      @Override
      public void serialize(Enum value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(enumCode(value));
      }
    });
    enums.setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                        BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
        Class<? extends Enum> raw = (Class<? extends Enum>) type.getRawClass();
        return new JsonDeserializer<Enum>() {
          @Override
          public Enum deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            for (Enum constant : raw.getEnumConstants()) {
              if (enumCode(constant).equals(text)) {
                return constant;
              }
            }
            return (Enum) ctxt.handleWeirdStringValue(raw, text, "not one of the allowed values");
          }
        };
      }
    });
    m.registerModule(enums);
    return m;
  }
}
