package dk.queue.ops.overview;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.sim.StaffingAdvice;
import dk.queue.core.stats.BranchStatistics;
import dk.queue.core.stats.Statistics;
import dk.queue.core.web.Messages;
import dk.queue.core.web.NodeContext;
import dk.queue.core.web.Pages;
import dk.queue.core.web.WebModule;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /ops/plan?branch=&weekday=}: staffing advice per hour for a branch on a weekday (1 = Monday;
 * default today's), from the mean arrivals of the last {@link #WEEKS} same weekdays that had tickets
 * and the services' measured times, computed by {@link StaffingAdvice} against the configuration's
 * {@code planning} target and drawn on the server. Like {@code /ops}, it shows counts and times
 * only, never a ticket or a person. The simulations run on one worker thread of their own, and each
 * distinct input is computed once ({@link #KEPT} inputs are kept): at most one core, whatever the
 * number of requests.
 */
public final class PlanModule implements WebModule {
  /** How many past same weekdays the arrivals are averaged over. */
  static final int WEEKS = 4;
  /** How many computed plans are kept (branches × weekdays of today's data fit in it). */
  static final int KEPT = 64;

  /** What a plan is computed from: equal inputs give the same advice. */
  private record Input(BranchDef def, StaffingAdvice.History history, StaffingAdvice.Target target) {}

  private record Plan(StaffingAdvice.History history, List<StaffingAdvice.Hour> hours) {}

  private final Map<Input, Future<List<StaffingAdvice.Hour>>> plans = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Input, Future<List<StaffingAdvice.Hour>>> eldest) {
      return size() > KEPT;
    }
  };

  @Override
  public void mount(Router router, NodeContext node) {
    Pages pages = new Pages(node.nodeUrls());
    WorkerExecutor worker = node.vertx().createSharedWorkerExecutor("queue-plan", 1);
    router.get("/ops/plan").handler(rc -> plan(rc, node, pages, worker));
  }

  private void plan(RoutingContext rc, NodeContext node, Pages pages, WorkerExecutor worker) {
    List<BranchDef> branches = node.config().branches();
    String branchId = rc.queryParams().get("branch");
    BranchDef def = branchId == null ? branches.get(0)
        : branches.stream().filter(b -> b.id().equals(branchId)).findFirst().orElse(null);
    if (def == null) {
      pages.notFound(rc, Messages.text(Messages.DANISH, "plan.unknownBranch"));
      return;
    }
    LocalDate today = node.engine().clock().instant().atZone(def.zone()).toLocalDate();
    DayOfWeek weekday = weekday(rc.queryParams().get("weekday"), today);
    if (weekday == null) {
      pages.notFound(rc, Messages.text(Messages.DANISH, "plan.unknownWeekday"));
      return;
    }
    StaffingAdvice.Target target = node.config().planning();
    List<LocalDate> dates = new ArrayList<>();
    LocalDate date = today.with(TemporalAdjusters.previous(weekday));
    for (int i = 0; i < WEEKS; i++) {
      dates.add(date.minusWeeks(i));
    }
    List<Future<BranchStatistics>> days = new ArrayList<>();
    for (LocalDate d : dates) {
      Instant[] span = Statistics.span(def, d, d);
      days.add(node.engine().history(def.id(), span[0], span[1]).map(events -> Statistics.compute(def, d, d, events)));
    }
    Future.all(days).compose(all -> {
      StaffingAdvice.History history = StaffingAdvice.history(days.stream().map(Future::result).toList());
      return advice(new Input(def, history, target), worker).map(hours -> new Plan(history, hours));
    }).onSuccess(p -> pages.send(rc, 200, "plan", PlanView.model(branches, def, weekday, dates, target,
            p.history(), p.hours())))
        .onFailure(e -> pages.unavailable(rc));
  }

  /** The plan of an input: computed once on the plan's worker, shared by every request for it meanwhile. */
  private Future<List<StaffingAdvice.Hour>> advice(Input in, WorkerExecutor worker) {
    synchronized (plans) {
      Future<List<StaffingAdvice.Hour>> known = plans.get(in);
      if (known != null) {
        return known;
      }
      Future<List<StaffingAdvice.Hour>> computed = worker.executeBlocking(() ->
          StaffingAdvice.advise(in.def(), in.history().hours(), in.history().serviceSeconds(), in.target()), false);
      plans.put(in, computed);
      computed.onFailure(e -> {
        synchronized (plans) {
          plans.remove(in);
        }
      });
      return computed;
    }
  }

  /** The weekday asked for (1 = Monday ... 7 = Sunday), today's when none is; null when it is not one. */
  static DayOfWeek weekday(String text, LocalDate today) {
    if (text == null || text.isEmpty()) {
      return today.getDayOfWeek();
    }
    if (!text.matches("[1-7]")) {
      return null;
    }
    return DayOfWeek.of(Integer.parseInt(text));
  }
}
