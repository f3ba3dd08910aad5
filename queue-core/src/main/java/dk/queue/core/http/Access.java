package dk.queue.core.http;

import dk.queue.core.auth.Role;
import dk.queue.core.config.StaffMember;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * A route's first handler that lets only a signed-in person with a role through: 401 without a
 * valid sign-in, 403 {@code forbidden} without the role. The member is then {@link #member}.
 */
public final class Access {
  private static final String KEY = "staffMember";

  private Access() {}

  public static Handler<RoutingContext> require(Sessions sessions, Role role) {
    return rc -> sessions.staff(rc).onSuccess(member -> {
      if (!role.heldBy(member)) {
        rc.fail(new ApiException(403, "forbidden", member.user() + " is not " + role.name().toLowerCase()
            + ": this needs that role"));
        return;
      }
      rc.put(KEY, member);
      rc.next();
    }).onFailure(rc::fail);
  }

  /** The member {@link #require} let through. */
  public static StaffMember member(RoutingContext rc) {
    return rc.get(KEY);
  }
}
