package dk.queue.core.http;

import dk.queue.core.engine.HazelcastFutures;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import dk.queue.core.config.StaffMember;
import dk.queue.core.engine.Addresses;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A staff member's saved desk profiles: named sets of services in priority order ("Pas og kørekort"),
 * picked in the desk's setup next time. Held in a cluster map keyed by user, changed where the entry
 * lives; bounded by the configured staff, {@value #MAX_PROFILES} profiles each, names of at most
 * {@value #MAX_NAME} characters, and services the staff member can serve.
 */
final class DeskProfiles {
  static final int MAX_PROFILES = 10;
  static final int MAX_NAME = 40;
  private final Sessions sessions;
  private final IMap<String, Profiles> profiles;

  DeskProfiles(HazelcastInstance hazelcast, Sessions sessions) {
    this.sessions = sessions;
    this.profiles = hazelcast.getMap(Addresses.DESK_PROFILE_MAP);
  }

  void mount(Router api) {
    api.get("/me/profiles").handler(rc -> sessions.staff(rc)
        .compose(staff -> HazelcastFutures.of(profiles.getAsync(staff.user()), rc.vertx().getOrCreateContext()))
        .onSuccess(p -> reply(rc, p))
        .onFailure(rc::fail));
    api.post("/me/profiles").handler(rc -> sessions.staff(rc)
        .compose(staff -> change(rc, staff.user(), save(staff, Bodies.read(rc, Save.class))))
        .onSuccess(p -> reply(rc, p))
        .onFailure(rc::fail));
    api.delete("/me/profiles/:name").handler(rc -> sessions.staff(rc)
        .compose(staff -> change(rc, staff.user(), new Change(rc.pathParam("name"), List.of(), MAX_PROFILES)))
        .onSuccess(p -> reply(rc, p))
        .onFailure(rc::fail));
  }

  /** The change a save asks for, checked: a name, and services the staff member serves (each once). */
  private static Change save(StaffMember staff, Save body) {
    String name = Bodies.required("name", body.name()).strip();
    if (name.length() > MAX_NAME) {
      throw ApiException.invalid("name", "at most " + MAX_NAME + " characters");
    }
    if (body.services() == null || body.services().isEmpty() || body.services().contains(null)) {
      throw ApiException.invalid("services", "required: a list of service ids in priority order");
    }
    List<String> services = List.copyOf(new LinkedHashSet<>(body.services()));
    List<String> foreign = services.stream().filter(s -> !staff.skills().contains(s)).toList();
    if (!foreign.isEmpty()) {
      throw ApiException.invalid("services", staff.user() + " does not serve " + foreign);
    }
    return new Change(name, services, MAX_PROFILES);
  }

  private Future<Profiles> change(RoutingContext rc, String user, Change change) {
    return HazelcastFutures.of(profiles.submitToKey(user, change), rc.vertx().getOrCreateContext())
        .compose(answer -> switch (answer.result()) {
          case Change.DONE -> Future.succeededFuture(answer);
          case Change.FULL -> Future.failedFuture(new ApiException(409, "too_many_profiles",
              "At most " + MAX_PROFILES + " profiles each: delete one or save under a name already used"));
          default -> Future.failedFuture(ApiException.notFound("unknown_profile", "No profile '" + change.name() + "'"));
        });
  }

  private static void reply(RoutingContext rc, Profiles p) {
    Replies.ok(rc, Map.of("profiles", p == null ? List.of() : p.profiles(), "max", MAX_PROFILES));
  }

  /** A save's body. */
  record Save(String name, List<String> services) {}

  /** One saved profile. */
  record Profile(String name, List<String> services) {}

  /** A staff member's profiles, and the result of the change that made them. */
  record Profiles(List<Profile> profiles, int result) {}

  /**
   * Saves (services given) or deletes (an empty list) the profile of that name, where the entry lives: a new
   * name beyond {@code max} profiles, or an unknown one to delete, changes nothing.
   */
  record Change(String name, List<String> services, int max) implements EntryProcessor<String, Profiles, Profiles> {
    static final int DONE = 0;
    static final int FULL = 1;
    static final int UNKNOWN = 2;

    @Override
    public Profiles process(Map.Entry<String, Profiles> entry) {
      List<Profile> list = new ArrayList<>(entry.getValue() == null ? List.of() : entry.getValue().profiles());
      int at = -1;
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).name().equals(name)) {
          at = i;
        }
      }
      if (services.isEmpty()) {
        if (at < 0) {
          return new Profiles(list, UNKNOWN);
        }
        list.remove(at);
      } else if (at >= 0) {
        list.set(at, new Profile(name, services));
      } else if (list.size() >= max) {
        return new Profiles(list, FULL);
      } else {
        list.add(new Profile(name, services));
        list.sort(java.util.Comparator.comparing(Profile::name, String.CASE_INSENSITIVE_ORDER));
      }
      Profiles now = new Profiles(List.copyOf(list), DONE);
      if (list.isEmpty()) {
        entry.setValue(null);
      } else {
        entry.setValue(now);
      }
      return now;
    }
  }
}
