package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.queue.core.config.ConfigLoader;
import dk.queue.core.node.Http;
import dk.queue.core.node.NodeOptions;
import dk.queue.core.node.QueueNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * {@code /ops/plan} in a real headless chromium, on a node whose clock the test sets: a day of
 * history is made through the API (tickets taken, called and served at set times), the page shows
 * that day's arrivals per hour, the desks they need and the expected waits as a chart and a table;
 * a busier day later makes the busier hour's advice grow. {@code /ops} shows today's accuracy of
 * the wait estimate per service, and today's booked times, as the statistics give them.
 */
class PlanBrowserIT {
  static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  static final String BRANCH = "hovedbiblioteket";
  static final String DESK = "/api/branches/" + BRANCH + "/desks/skranke-1/";
  /** A Wednesday; the plan is read a week later, and again two weeks later. */
  static final LocalDate FIRST = LocalDate.of(2026, 11, 4);
  static final SetClock clock = new SetClock(FIRST.atTime(8, 0).atZone(CPH).toInstant());
  static QueueNode node;
  static Http http;

  /** A clock that stands where the test puts it. */
  static final class SetClock extends Clock {
    volatile Instant now;

    SetClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeAll
  static void start() throws Exception {
    NodeOptions options = NodeOptions.defaults(ConfigLoader.demo(), Files.createTempDirectory("queue-plan"))
        .withPort(0).withWebModules(Main.webModules()).withClock(clock);
    node = QueueNode.start(options).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    http = new Http("http://127.0.0.1:" + node.port());
  }

  @AfterAll
  static void stop() throws Exception {
    node.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  static void at(LocalDateTime t) {
    clock.now = t.atZone(CPH).toInstant();
  }

  /** Opens desk 1 for passports at {@code t} and returns the staff token. */
  static String openDesk(LocalDateTime t) throws Exception {
    at(t);
    String token = http.login("demo", "0000");
    assertThat(http.post(DESK + "open", "{\"services\":[\"pas\"]}", token).status()).isEqualTo(200);
    return token;
  }

  static void issue(LocalDateTime t) throws Exception {
    at(t);
    assertThat(http.post("/api/branches/" + BRANCH + "/tickets", "{\"service\":\"pas\"}").status()).isEqualTo(201);
  }

  /** Calls the next ticket at {@code t}, the citizen arrives at once and is done {@code seconds} later. */
  static void serve(String token, LocalDateTime t, int seconds) throws Exception {
    at(t);
    assertThat(http.post(DESK + "call-next", "{}", token).status()).isEqualTo(200);
    assertThat(http.post(DESK + "start", "{}", token).status()).isEqualTo(200);
    at(t.plusSeconds(seconds));
    assertThat(http.post(DESK + "done", "{}", token).status()).isEqualTo(200);
  }

  /** The stored statistics of a day, once the store has every ticket taken that day. */
  static JsonNode storedDay(LocalDate day, int issued) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      JsonNode stats = http.get("/api/branches/" + BRANCH + "/stats?from=" + day + "&to=" + day).body();
      int n = 0;
      for (JsonNode row : stats.get("totals")) {
        n += row.get("issued").asInt();
      }
      if (n == issued || System.nanoTime() > deadline) {
        assertThat(n).isEqualTo(issued);
        return stats;
      }
      Thread.sleep(200);
    }
  }

  /** Asks for the plan once over plain HTTP (the first request computes it, which may take a while). */
  static String planHtml(String query) throws Exception {
    HttpResponse<String> r = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(http.base() + "/ops/plan" + query))
        .timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
        .contains("style-src 'self'");
    // The chart is drawn with attributes and classes: nothing the policy would block.
    assertThat(r.body()).contains("<svg").doesNotContain(" style=").doesNotContain("<style");
    return r.body();
  }

  /** Per hour shown: arrivals, desks, wait, and the heights of its bars and its desk marker, read from the page. */
  record Shown(String arrivals, String desks, String share, String expectedWait, double bar, String marker) {}

  static Map<Integer, Shown> read(Browser b) {
    Map<Integer, Shown> shown = new HashMap<>();
    for (WebElement row : b.driver.findElements(By.cssSelector(".plan-table tbody tr"))) {
      int hour = Integer.parseInt(row.getAttribute("data-hour"));
      WebElement g = b.driver.findElement(By.cssSelector("#arrivals-chart g.hour[data-hour='" + hour + "']"));
      List<WebElement> marker = g.findElements(By.cssSelector("text.desks"));
      shown.put(hour, new Shown(row.findElement(By.cssSelector(".arrivals")).getText(),
          row.findElement(By.cssSelector(".desks")).getText(), row.findElement(By.cssSelector(".share")).getText(),
          row.findElement(By.cssSelector(".wait")).getText(),
          Double.parseDouble(g.findElement(By.cssSelector("rect")).getAttribute("height")),
          marker.isEmpty() ? null : marker.get(0).getText()));
    }
    return shown;
  }

  @Test
  void thePlanShowsADayOfHistoryAndGrowsWithTheArrivals() throws Exception {
    // A day of history: six passport tickets in each of the hours 9, 10 and 11, ten minutes apart,
    // each called a minute after it was taken and served for four minutes.
    String token = openDesk(FIRST.atTime(8, 50));
    for (int hour = 9; hour <= 11; hour++) {
      for (int i = 0; i < 6; i++) {
        LocalDateTime t = FIRST.atTime(hour, i * 10);
        issue(t);
        serve(token, t.plusMinutes(1), 240);
      }
    }
    JsonNode first = storedDay(FIRST, 18);
    assertThat(total(first, "pas").get("serviceSeconds").get("mean").asDouble()).isEqualTo(240.0);

    // A week later, the plan for Wednesdays.
    LocalDate second = FIRST.plusWeeks(1);
    at(second.atTime(8, 0));
    planHtml("?branch=" + BRANCH);
    Map<Integer, Shown> before;
    try (Browser b = new Browser(1280, 1400)) {
      b.driver.get(http.base() + "/ops");
      WebElement link = b.await(10).until(d -> d.findElement(By.cssSelector("a[href='/ops/plan']")));
      link.click();
      b.await(20).until(d -> d.findElement(By.id("arrivals-chart")));
      assertThat(b.driver.findElement(By.cssSelector("#plan h2")).getText()).isEqualTo("Hovedbiblioteket, onsdag");
      assertThat(b.driver.findElement(By.id("basis")).getText()).contains("1 af de seneste 4");
      assertThat(b.driver.findElement(By.id("target")).getText()).isEqualTo("Mål: 80 % af numrene kaldt inden for 15 min.");
      before = read(b);
      assertThat(before.keySet()).containsExactlyInAnyOrder(9, 10, 11);
      for (Shown s : before.values()) {
        assertThat(s.arrivals()).isEqualTo("6");
        // Six an hour, four minutes each: one desk keeps up and calls nearly all within 15 minutes.
        assertThat(s.desks()).isEqualTo("1");
        assertThat(s.marker()).isEqualTo(s.desks());
        assertThat(Integer.parseInt(s.share().replace(" %", ""))).isGreaterThanOrEqualTo(80);
        assertThat(s.expectedWait()).matches("\\d+(,\\d)? min");
        assertThat(s.bar()).isEqualTo(before.get(9).bar()).isPositive();
      }
      assertThat(b.driver.findElements(By.cssSelector("#wait-chart g.hour rect"))).hasSize(3);
      assertThat(b.driver.findElement(By.cssSelector("#wait-chart line.target"))).isNotNull();
      assertThat(b.driver.findElement(By.id("arrivals-chart")).getAttribute("aria-label"))
          .contains("09–10: 6, 1 skranker");
      b.screenshot("plan-one-day");
    }

    // That Wednesday is busy at ten: forty tickets between 10 and 11 (the desk is open but calls nobody).
    openDesk(second.atTime(9, 55));
    for (int i = 0; i < 40; i++) {
      issue(second.atTime(10, 0).plusSeconds(i * 90L));
    }
    storedDay(second, 40);

    // Another week on, the same plan: the mean over two Wednesdays.
    at(second.plusWeeks(1).atTime(8, 0));
    planHtml("?branch=" + BRANCH + "&weekday=3");
    try (Browser b = new Browser(1280, 1400)) {
      b.driver.get(http.base() + "/ops/plan?branch=" + BRANCH + "&weekday=3");
      b.await(20).until(d -> d.findElement(By.id("arrivals-chart")));
      assertThat(b.driver.findElement(By.id("basis")).getText()).contains("2 af de seneste 4");
      Map<Integer, Shown> after = read(b);
      assertThat(after.get(10).arrivals()).isEqualTo("23");
      assertThat(after.get(9).arrivals()).isEqualTo("3");
      assertThat(Integer.parseInt(after.get(10).desks())).isGreaterThan(Integer.parseInt(before.get(10).desks()));
      assertThat(after.get(10).bar()).isGreaterThan(after.get(9).bar());
      assertThat(after.get(10).marker()).isEqualTo(after.get(10).desks());
      assertThat(after.get(9).desks()).isEqualTo("1");
      b.screenshot("plan-busier-hour");
    }

    // The third Wednesday itself: three tickets called and served; /ops shows how far their estimates were off.
    LocalDate third = second.plusWeeks(1);
    token = openDesk(third.atTime(8, 55));
    for (int i = 0; i < 3; i++) {
      issue(third.atTime(9, i));
    }
    for (int i = 0; i < 3; i++) {
      serve(token, third.atTime(9, 3 + 4 * i), 240);
    }
    // Two driving licence times booked for the afternoon, one cancelled: /ops counts today's booked times.
    at(third.atTime(9, 20));
    String cancelled = null;
    for (int i = 0; i < 2; i++) {
      Http.Reply booked = http.post("/api/branches/" + BRANCH + "/bookings", "{\"service\":\"koerekort\",\"start\":\""
          + third.atTime(14, 15 * i).atZone(CPH).toOffsetDateTime() + "\",\"name\":\"Borger " + i + "\"}");
      assertThat(booked.status()).as(booked.text()).isEqualTo(201);
      cancelled = booked.body().get("secret").asText();
    }
    assertThat(http.delete("/api/bookings/" + cancelled).status()).isEqualTo(200);
    JsonNode pas = total(storedDay(third, 3), "pas");
    int judged = pas.get("estimateCount").asInt();
    assertThat(judged).isPositive();
    try (Browser b = new Browser(1280, 1400)) {
      b.driver.get(http.base() + "/ops");
      String row = "section[data-branch='" + BRANCH + "'] table.accuracy tr[data-service='pas'] ";
      b.await(20).until(d -> d.findElement(By.cssSelector(row + ".judged")));
      assertThat(b.driver.findElement(By.cssSelector(row + "td")).getText()).isEqualTo("Pas");
      assertThat(b.driver.findElement(By.cssSelector(row + ".judged")).getText()).isEqualTo(String.valueOf(judged));
      assertThat(b.driver.findElement(By.cssSelector(row + ".rase")).getText())
          .isEqualTo(String.format(Locale.forLanguageTag("da"), "%.2f", pas.get("estimateRase").asDouble()));
      long bias = Math.round(pas.get("estimateBias").asDouble() * 100);
      assertThat(b.driver.findElement(By.cssSelector(row + ".bias")).getText()).isEqualTo((bias > 0 ? "+" : "") + bias + " %");
      assertThat(b.driver.findElement(By.cssSelector(row + ".late-share")).getText())
          .isEqualTo(Math.round(pas.get("calledLateShare").asDouble() * 100) + " %");
      // Services nobody was told a wait for today have no row, and the note is hidden.
      assertThat(b.driver.findElements(By.cssSelector("section[data-branch='" + BRANCH + "'] table.accuracy tbody tr")))
          .hasSize(1);
      assertThat(b.driver.findElement(By.cssSelector("section[data-branch='" + BRANCH + "'] .accuracy-none")).isDisplayed())
          .isFalse();
      String booked = "section[data-branch='" + BRANCH + "'] table.bookings tr[data-service='koerekort'] ";
      assertThat(b.driver.findElement(By.cssSelector(booked + ".booked")).getText()).isEqualTo("2");
      assertThat(b.driver.findElement(By.cssSelector(booked + ".cancelled")).getText()).isEqualTo("1");
      assertThat(b.driver.findElement(By.cssSelector(booked + ".checked-in")).getText()).isEqualTo("0");
      assertThat(b.driver.findElement(By.cssSelector("section[data-branch='" + BRANCH + "'] .bookings-none")).isDisplayed())
          .isFalse();
      b.screenshot("ops-accuracy");
    }
  }

  @Test
  void aBadChoiceIsAPageSayingSo() throws Exception {
    Http.Reply unknown = http.get("/ops/plan?branch=nowhere");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.text()).contains("Betjeningsstedet findes ikke.");
    Http.Reply weekday = http.get("/ops/plan?weekday=8");
    assertThat(weekday.status()).isEqualTo(404);
    assertThat(weekday.text()).contains("Ugedagen findes ikke");
  }

  static JsonNode total(JsonNode stats, String service) {
    for (JsonNode row : stats.get("totals")) {
      if (row.get("service").asText().equals(service)) {
        return row;
      }
    }
    throw new AssertionError("no total for " + service);
  }
}
