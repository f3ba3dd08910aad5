package dk.queue.core.remind;

import dk.queue.core.config.ReminderSettings;
import dk.queue.core.domain.Booking;
import dk.queue.core.domain.BookingEvent;
import dk.queue.core.domain.BookingReminders;
import dk.queue.core.domain.BookingRequest;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Event;
import dk.queue.core.engine.Engine;
import dk.queue.core.engine.Outcome;
import dk.queue.core.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Sends the reminders of the branches this member owns, as {@link BookingReminders} says they are
 * due: every {@link ReminderSettings#checkSeconds} and at once after a booking or a move. A
 * reminder is recorded ({@link BookingRequest.Remind}) in the branch's log after it was sent, so no
 * member sends it again; a member that dies between the two leaves it unrecorded, and the next
 * owner sends it once more. Personal data never reaches the log lines or the metrics.
 */
public final class Reminders {
  private static final System.Logger LOG = System.getLogger(Reminders.class.getName());
  /** Failed reminders of a booked time are tried this many times by a member, then left. */
  static final int ATTEMPTS = 3;
  /** How long after a booking its reminder, if due at once, is looked for again. */
  static final long AGAIN_MS = 1000;

  private final Vertx vertx;
  private final Engine engine;
  private final MeterRegistry registry;
  private final Supplier<String> linkBase;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private final HttpClient http;
  private volatile ReminderSettings.Smtp mailSettings;
  private volatile MailClient mail;
  private volatile boolean stopped;

  /** {@code linkBase}: where citizens' phones reach the system, for the link {@code /b/{secret}}. */
  public Reminders(Vertx vertx, Engine engine, MeterRegistry registry, Supplier<String> linkBase) {
    this.vertx = vertx;
    this.engine = engine;
    this.registry = registry;
    this.linkBase = linkBase;
    this.http = vertx.createHttpClient();
    engine.onEvents(this::afterCommand);
  }

  public void start() {
    schedule();
  }

  public void stop() {
    stopped = true;
  }

  private void schedule() {
    ReminderSettings s = engine.config().reminders();
    long seconds = s == null ? ReminderSettings.DEFAULT_CHECK_SECONDS : s.checkSeconds();
    vertx.setTimer(seconds * 1000, id -> {
      if (!stopped) {
        check();
        schedule();
      }
    });
  }

  /**
   * A booking or a move may be due at once (made after its reminder time): checked now, and again a
   * second later, for a send that failed at once or a state not yet where this member reads it.
   */
  private void afterCommand(BranchDef branch, Outcome outcome) {
    for (var r : outcome.events()) {
      if (r.event() instanceof Event.Appointment a
          && (a.change() instanceof BookingEvent.Booked || a.change() instanceof BookingEvent.Moved)) {
        vertx.runOnContext(v -> check());
        vertx.setTimer(AGAIN_MS, t -> check());
        return;
      }
    }
  }

  /** Sends every reminder due now of the branches this member owns. */
  public void check() {
    ReminderSettings settings = engine.config().reminders();
    if (settings == null || stopped) {
      return;
    }
    Instant now = engine.clock().instant();
    Set<String> due = new java.util.HashSet<>();
    for (BranchState s : engine.localStates()) {
      for (Booking b : BookingReminders.due(s, settings.at(), now)) {
        String key = b.secret() + "@" + b.start();
        due.add(key);
        if (failures.getOrDefault(key, 0) < ATTEMPTS && inFlight.add(key)) {
          send(s.def(), b, settings, key);
        }
      }
    }
    failures.keySet().retainAll(due);
  }

  private void send(BranchDef branch, Booking b, ReminderSettings settings, String key) {
    ReminderText text = ReminderText.of(branch, b, linkBase.get() + "/b/" + b.secret());
    List<Future<Boolean>> sent = new ArrayList<>();
    if (b.contact().email() != null && settings.smtp() != null) {
      sent.add(counted(branch, "email", mail(settings.smtp()).sendMail(new MailMessage()
          .setFrom(settings.smtp().from()).setTo(b.contact().email())
          .setSubject(text.subject()).setText(text.mail())).mapEmpty()));
    }
    if (b.contact().phone() != null && settings.sms() != null) {
      sent.add(counted(branch, "sms", sms(settings.sms(), b.contact().phone(), text.sms())));
    }
    if (sent.isEmpty()) {
      inFlight.remove(key); // nothing configured that reaches this citizen
      return;
    }
    Future.join(sent).onComplete(all -> {
      boolean any = sent.stream().anyMatch(f -> f.succeeded() && f.result());
      if (!any) {
        failures.merge(key, 1, Integer::sum);
        inFlight.remove(key);
        return;
      }
      engine.execute(branch.id(), new Command.Appointment(engine.clock().instant(),
              new BookingRequest.Remind(b.secret(), b.start())))
          .onComplete(r -> {
            if (r.failed()) {
              LOG.log(System.Logger.Level.WARNING, "reminder sent at " + branch.id()
                  + " but not recorded: the next owner may send it again (" + r.cause().getClass().getSimpleName() + ")");
            }
            inFlight.remove(key);
          });
    });
  }

  /** Counts a send as sent or failed; a failure is logged by branch and channel only, never the address. */
  private Future<Boolean> counted(BranchDef branch, String channel, Future<Void> send) {
    return send.map(v -> {
      counter(branch, channel, "sent").increment();
      return true;
    }).recover(e -> {
      counter(branch, channel, "failed").increment();
      LOG.log(System.Logger.Level.WARNING, "reminder by " + channel + " at " + branch.id() + " failed ("
          + e.getClass().getSimpleName() + ")");
      return Future.succeededFuture(false);
    });
  }

  private Counter counter(BranchDef branch, String channel, String outcome) {
    return Counter.builder(MetricNames.REMINDERS).description("Reminders of booked times")
        .tag("branch", branch.id()).tag("channel", channel).tag("outcome", outcome).register(registry);
  }

  private MailClient mail(ReminderSettings.Smtp smtp) {
    if (mail == null || !smtp.equals(mailSettings)) {
      MailClient old = mail;
      MailConfig config = new MailConfig().setHostname(smtp.host()).setPort(smtp.port())
          .setStarttls(smtp.startTls() ? StartTLSOptions.REQUIRED : StartTLSOptions.OPTIONAL);
      if (smtp.user() != null) {
        config.setUsername(smtp.user()).setPassword(smtp.password()).setLogin(LoginOption.REQUIRED);
      } else {
        config.setLogin(LoginOption.DISABLED);
      }
      mail = MailClient.create(vertx, config);
      mailSettings = smtp;
      if (old != null) {
        old.close();
      }
    }
    return mail;
  }

  private Future<Void> sms(ReminderSettings.Sms sms, String phone, String text) {
    String type = sms.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
        .map(Map.Entry::getValue).findFirst().orElse("");
    String body = sms.body().replace("{to}", escape(type, phone)).replace("{text}", escape(type, text));
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(sms.url())
        .setTimeout(10_000);
    sms.headers().forEach(options::putHeader);
    return http.request(options)
        .compose(req -> req.send(body)
            .compose(resp -> resp.body().compose(b -> resp.statusCode() / 100 == 2 ? Future.<Void>succeededFuture()
                : Future.failedFuture(new IllegalStateException("gateway answered " + resp.statusCode())))));
  }

  /** A value for the body: escaped inside a JSON string, encoded for a form, or as it is. */
  static String escape(String contentType, String value) {
    String type = contentType.toLowerCase(java.util.Locale.ROOT);
    if (type.contains("json")) {
      String quoted = io.vertx.core.json.Json.encode(value);
      return quoted.substring(1, quoted.length() - 1);
    }
    if (type.contains("x-www-form-urlencoded")) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
    return value;
  }
}
