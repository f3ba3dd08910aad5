package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.map.IMap;
import dk.queue.core.engine.Addresses;
import dk.queue.core.node.Http.Reply;
import dk.queue.core.node.SseClient;
import dk.queue.core.node.TestConfig;
import dk.queue.core.node.TestNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attacks of someone on the same network, each against a real node: each is refused and changes
 * nothing. {@code node} faces clients directly with tight limits; {@code proxied} sits behind a trusted
 * load balancer (127.0.0.1), so that tests can speak from many client addresses through
 * {@code X-Forwarded-For}. Live heap after GC is printed under each flood ("heap:" lines).
 */
class SecurityIT {
  static final int CONNECTIONS = 20;
  static final Duration HEADER_TIMEOUT = Duration.ofSeconds(2);
  static final int STREAMS = 5;
  static final int TICKETS = 20;
  static final int REMOTE = 30;
  static TestNode node;
  static TestNode proxied;

  @BeforeAll
  static void start() throws Exception {
    EdgeOptions tight = EdgeOptions.defaults().withConnections(CONNECTIONS, STREAMS).withTickets(TICKETS, REMOTE)
        .withTimeouts(HEADER_TIMEOUT, Duration.ofSeconds(30));
    // With the pages' files, served as the node serves them.
    node = TestNode.start(Files.createTempDirectory("queue-sec"),
        o -> o.withEdge(tight).withWebModules(List.of(new dk.queue.core.web.AssetsModule())));
    proxied = TestNode.start(Files.createTempDirectory("queue-sec"),
        o -> o.withEdge(tight.withTrustedProxies(List.of("127.0.0.1"))));
    for (TestNode n : List.of(node, proxied)) {
      assertThat(n.post("/api/branches/main/desks/d1/open", "{\"services\":[\"lib\"]}", n.login("anna")).status())
          .isEqualTo(200);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
    proxied.close();
  }

  // 1. The cluster port.

  @Test
  void aHazelcastClientCannotConnectAndTheSessionMapHoldsNoToken() throws Exception {
    InetSocketAddress member = node.node.hazelcast().getCluster().getLocalMember().getSocketAddress();
    assertThat(member.getAddress().isLoopbackAddress()).as("a node alone listens on loopback").isTrue();
    for (InetAddress outside : nonLoopbackAddresses()) {
      try (Socket s = new Socket()) {
        assertThatThrownBy(() -> s.connect(new InetSocketAddress(outside, member.getPort()), 1000))
            .as("nothing on %s:%d", outside, member.getPort()).isInstanceOf(IOException.class);
      }
    }
    ClientConfig client = new ClientConfig();
    client.setClusterName("queue");
    client.setProperty("hazelcast.logging.type", "jdk");
    client.getNetworkConfig().addAddress("127.0.0.1:" + member.getPort());
    client.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(4000);
    assertThatThrownBy(() -> HazelcastClient.newHazelcastClient(client).shutdown())
        .as("the member port speaks no client protocol").isInstanceOf(IllegalStateException.class);

    // Whoever reads the session map learns hashes, and a token written into it opens nothing.
    String token = node.login("carl");
    IMap<String, String> sessions = node.node.hazelcast().getMap(Addresses.SESSION_MAP);
    assertThat(sessions.keySet()).doesNotContain(token).contains(Sessions.hash(token));
    assertThat(sessions.keySet()).allMatch(k -> k.matches("[0-9a-f]{64}"));
    sessions.set("feedface", "anna");
    Reply me = node.send("GET", "/api/me", null, Map.of("Authorization", "Bearer feedface"));
    assertThat(me.status()).isEqualTo(401);
    assertThat(node.send("GET", "/api/me", null, Map.of("Authorization", "Bearer " + token)).status()).isEqualTo(200);
  }

  private static List<InetAddress> nonLoopbackAddresses() throws IOException {
    List<InetAddress> list = new ArrayList<>();
    for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress a : Collections.list(i.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          list.add(a);
        }
      }
    }
    return list;
  }

  // 2-4. Sign-in.

  private static CompletableFuture<HttpResponse<String>> login(TestNode n, String user, String pin, String from) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(n.base() + "/api/login"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"pin\":\"" + pin + "\"}"));
    if (from != null) {
      b.header("X-Forwarded-For", from);
    }
    return n.http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void parallelGuessesReachTheHashOnlyAFewTimesAndTheRightPinThenWaitsToo() throws Exception {
    IMap<String, String> sessions = proxied.node.hazelcast().getMap(Addresses.SESSION_MAP);
    int sessionsBefore = sessions.size();
    List<CompletableFuture<HttpResponse<String>>> guesses = new ArrayList<>();
    for (int i = 0; i < 199; i++) {
      guesses.add(login(proxied, "carl", String.format("%04d", 5000 + i), "10.9.9.9"));
    }
    long t0 = System.nanoTime();
    CompletableFuture.allOf(guesses.toArray(CompletableFuture[]::new)).join();
    long burstMillis = (System.nanoTime() - t0) / 1_000_000;
    long checked = guesses.stream().filter(f -> f.join().statusCode() == 401).count();
    long refused = guesses.stream().filter(f -> f.join().statusCode() == 429).count();
    System.out.printf("sign-in: %d parallel guesses in %d ms, %d reached the PIN check%n", 199, burstMillis, checked);
    assertThat(checked).as("attempts that reached the PIN check: the free ones and those the delays let through")
        .isLessThanOrEqualTo(allowedWithin(burstMillis));
    assertThat(checked + refused).isEqualTo(199);
    // Each further guess waits longer: wait out three delays (1, 2, 4 s), then the right PIN comes too soon.
    for (int k = 0; k < 3; k++) {
      int status = 429;
      for (int tries = 0; status == 429 && tries < 100; tries++) {
        Thread.sleep(200);
        status = login(proxied, "carl", "4444", "10.9.9.9").join().statusCode();
      }
      assertThat(status).isEqualTo(401);
    }
    HttpResponse<String> right = login(proxied, "carl", TestConfig.PIN, "10.9.9.9").join();
    assertThat(right.statusCode()).as("the right PIN waits its turn from this address").isEqualTo(429);
    assertThat(Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, SignInAttempts.MAX_DELAY.toSeconds());
    assertThat(sessions.size()).as("no session opened").isEqualTo(sessionsBefore);
  }

  /** The most attempts the schedule of delays lets through in {@code millis}. */
  private static int allowedWithin(long millis) {
    int n = 0;
    long waited = 0;
    while (true) {
      long delay = SignInAttempts.delayMillis(n, SignInAttempts.FREE_PER_USER);
      if (waited + delay > millis) {
        return n;
      }
      waited += delay;
      n++;
    }
  }

  @Test
  void guessesFromOneAddressDoNotLockOutTheRightPinFromAnother() throws Exception {
    for (int i = 0; i < 10; i++) {
      login(proxied, "dora", "000" + i, "10.6.6.6").join();
    }
    assertThat(login(proxied, "dora", TestConfig.PIN, "10.6.6.6").join().statusCode()).isEqualTo(429);
    HttpResponse<String> atTheDesk = login(proxied, "dora", TestConfig.PIN, "10.7.7.7").join();
    assertThat(atTheDesk.statusCode()).isEqualTo(200);
  }

  @Test
  void anUnknownUserGetsTheSameAnswerInAboutTheSameTime() throws Exception {
    List<Long> known = new ArrayList<>();
    List<Long> unknown = new ArrayList<>();
    String knownBody = null;
    String unknownBody = null;
    for (int i = 0; i < 9; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> k = login(proxied, "bo", "9999", "10.1.0." + i).join();
      known.add(System.nanoTime() - t0);
      t0 = System.nanoTime();
      HttpResponse<String> u = login(proxied, "nobody" + i, "9999", "10.2.0." + i).join();
      unknown.add(System.nanoTime() - t0);
      assertThat(k.statusCode()).isEqualTo(401);
      assertThat(u.statusCode()).isEqualTo(401);
      knownBody = k.body();
      unknownBody = u.body();
    }
    assertThat(unknownBody).isEqualTo(knownBody);
    Collections.sort(known);
    Collections.sort(unknown);
    double ratio = (double) unknown.get(4) / known.get(4);
    System.out.printf("sign-in: median known-user %.1f ms, unknown-user %.1f ms%n", known.get(4) / 1e6, unknown.get(4) / 1e6);
    assertThat(ratio).as("an unknown user is hashed against a dummy as slowly").isBetween(0.25, 4.0);
  }

  @Test
  void aSignInFloodWithLongAndManyNamesKeepsTheHeapBounded() throws Exception {
    long before = liveHeapMb();
    String longName = "x".repeat(15_000);
    List<CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      batch.add(login(proxied, longName + i, "1234", "10.3." + (i / 250) + "." + (i % 250)));
      if (batch.size() == 50) {
        batch.forEach(f -> assertThat(f.join().statusCode()).as("long names are refused before anything is kept").isEqualTo(400));
        batch.clear();
      }
    }
    // Buffers of the finished requests may outlive the first collection: what stays is what counts.
    long afterLong = liveHeapMb();
    for (int i = 0; i < 10 && afterLong - before >= 20; i++) {
      Thread.sleep(1000);
      afterLong = liveHeapMb();
    }
    IMap<String, Object> attempts = proxied.node.hazelcast().getMap(Addresses.SIGN_IN_MAP);
    for (int i = 0; i < 3000; i++) {
      batch.add(login(proxied, "u" + "y".repeat(58) + i, "1234", "10.4." + (i / 250) + "." + (i % 250)));
      if (batch.size() == 50) {
        batch.forEach(f -> assertThat(f.join().statusCode()).isEqualTo(401));
        batch.clear();
      }
    }
    long afterMany = liveHeapMb();
    System.out.printf("heap: sign-in flood: %d MB before, %d MB after 5,000 logins with 15 KB names, %d MB after"
        + " 3,000 unknown 60-character names from 3,000 addresses (%d attempt entries, each expiring in a day,"
        + " at most %d per member)%n", before, afterLong, afterMany, attempts.size(), 50_000);
    assertThat(attempts.size()).as("two fixed-size entries per (name, address), no more").isLessThanOrEqualTo(6000);
    assertThat(attempts.keySet()).allMatch(k -> k.length() < 80);
    assertThat(afterLong - before).as("long names leave nothing behind").isLessThan(20);
  }

  // 5. Ticket floods.

  private static String lib() {
    return "{\"service\":\"lib\"}";
  }

  @Test
  void anonymousTicketsAreLimitedPerAddressAndTheFloodKeepsTheHeapBounded() throws Exception {
    long before = liveHeapMb();
    long seq = node.seq("vest");
    assertThat(node.post("/api/branches/vest/desks/v1/open", "{\"services\":[\"lib\"]}", node.login("bo")).status())
        .isEqualTo(200);
    int waiting = waiting(node, "vest");
    int issued = 0;
    int refused = 0;
    for (int i = 0; i < 2000; i++) {
      Reply r = node.post("/api/branches/vest/tickets", lib());
      if (r.status() == 201) {
        issued++;
      } else {
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.error()).isEqualTo("too_many_requests");
        refused++;
      }
    }
    long after = liveHeapMb();
    System.out.printf("heap: ticket flood: %d MB before, %d MB after 2,000 anonymous tickets asked from one address"
        + " (%d issued, %d refused)%n", before, after, issued, refused);
    // Within one minute, or across the turn of a minute: at most two windows' worth.
    assertThat(issued).isBetween(TICKETS, 2 * TICKETS);
    assertThat(waiting(node, "vest")).isEqualTo(waiting + issued);
    assertThat(node.seq("vest")).isGreaterThan(seq);
  }

  @Test
  void aKioskNeedsItsOwnKeyAndMobileTicketsAreLimitedPerBranch() throws Exception {
    long seq = node.seq("main");
    Reply wrongKey = node.send("POST", "/api/branches/main/tickets", "{\"service\":\"lib\",\"kiosk\":\"main-kiosk\"}",
        Map.of("Content-Type", "application/json", Kiosks.KEY_HEADER, "guessed"));
    assertThat(wrongKey.status()).isEqualTo(401);
    assertThat(wrongKey.error()).isEqualTo("invalid_device_key");
    assertThat(node.seq("main")).isEqualTo(seq);

    int issued = 0;
    for (int i = 0; i < REMOTE + 10; i++) {
      Reply r = proxied.send("POST", "/api/branches/main/tickets", "{\"service\":\"lib\",\"channel\":\"mobile\"}",
          Map.of("Content-Type", "application/json", "X-Forwarded-For", "10.5.0." + i));
      if (r.status() == 201) {
        issued++;
      } else {
        assertThat(r.status()).isEqualTo(429);
      }
    }
    assertThat(issued).as("mobile tickets of the branch in a minute, from many addresses").isBetween(REMOTE, 2 * REMOTE);
  }

  private static int waiting(TestNode n, String branch) throws Exception {
    int sum = 0;
    for (var s : n.get("/api/branches/" + branch).body().get("services")) {
      sum += s.get("waiting").asInt();
    }
    return sum;
  }

  // 6-7. Cross-site requests and headers.

  @Test
  void aStateChangingRequestMustBeJson() throws Exception {
    long seq = node.seq("main");
    for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
      Reply r = node.send("POST", "/api/branches/main/tickets", lib(), Map.of("Content-Type", type));
      assertThat(r.status()).as(type).isEqualTo(415);
      assertThat(r.error()).isEqualTo("unsupported_media_type");
    }
    assertThat(node.send("POST", "/api/branches/main/tickets", lib(), Map.of()).status()).isEqualTo(415);
    assertThat(node.seq("main")).isEqualTo(seq);
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() throws Exception {
    for (String path : new String[] {"/api/branches", "/api/nowhere", "/health/live", "/metrics"}) {
      HttpResponse<String> r = node.http.send(HttpRequest.newBuilder(URI.create(node.base() + path)).build(),
          HttpResponse.BodyHandlers.ofString());
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(csp).as(path).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
    }
  }

  // 8. Slow and many connections.

  @Test
  void aClientTricklingHeadersOrABodyIsCutOff() throws Exception {
    try (Socket headers = new Socket("127.0.0.1", node.node.port());
         Socket body = new Socket("127.0.0.1", node.node.port())) {
      headers.getOutputStream().write("GET /api/branches HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      body.getOutputStream().write(("POST /api/branches/main/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Content-Length: 1000\r\n\r\n{\"ser").getBytes(StandardCharsets.US_ASCII));
      long t0 = System.nanoTime();
      boolean headersOpen = true;
      boolean bodyOpen = true;
      while ((headersOpen || bodyOpen) && System.nanoTime() - t0 < 30e9) {
        headersOpen = headersOpen && trickle(headers, "X-A: b\r\n");
        bodyOpen = bodyOpen && trickle(body, " ");
        Thread.sleep(300);
      }
      assertThat(headersOpen).as("header trickle cut off").isFalse();
      assertThat(bodyOpen).as("body trickle cut off").isFalse();
      System.out.printf("slow clients cut off after %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
  }

  /**
   * A browser reuses a kept-alive connection: the screen's or kiosk's live stream often goes on the
   * one that just brought a script. The stream outlives the deadline a body has to arrive within.
   * (It did not: the deadline of the script's request, never marked as read to its end, closed the
   * connection, and every page lost its stream a few seconds after it was loaded.)
   */
  @Test
  void aStreamOnAConnectionThatServedAFileFirstOutlivesTheBodyDeadline() throws Exception {
    try (Socket s = new Socket("127.0.0.1", node.node.port())) {
      s.setSoTimeout(10_000);
      java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
          StandardCharsets.ISO_8859_1));
      s.getOutputStream().write("GET /assets/live.js HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(in.readLine()).startsWith("HTTP/1.1 200");
      long length = -1;
      for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
          length = Long.parseLong(line.substring(15).trim());
        }
      }
      assertThat(length).as("the file's length").isPositive();
      assertThat(in.skip(length)).isEqualTo(length);
      s.getOutputStream().write("GET /api/branches/main/events HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      EventStreamIT.RawFrames frames = new EventStreamIT.RawFrames(in);
      long seq = frames.next().id();
      Thread.sleep(HEADER_TIMEOUT.toMillis() + 1500);
      // A desk opens (no ticket: the address's tickets are counted by another test), with a service
      // desk 1 serves too, so that closing it again leaves nobody without a desk.
      String anna = node.login("anna");
      assertThat(node.post("/api/branches/main/desks/d4/open", "{\"services\":[\"lib\"]}", anna).status()).isEqualTo(200);
      EventStreamIT.RawFrame change = frames.next();
      assertThat(change.name()).isEqualTo("change");
      assertThat(change.id()).isEqualTo(seq + 1);
      assertThat(node.post("/api/branches/main/desks/d4/close", null, anna).status()).isEqualTo(200);
    }
  }

  /** Writes a little and answers whether the connection is still open. */
  private static boolean trickle(Socket s, String text) {
    try {
      s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      s.setSoTimeout(50);
      try {
        return s.getInputStream().read() != -1;
      } catch (java.net.SocketTimeoutException stillOpen) {
        return true;
      }
    } catch (IOException closed) {
      return false;
    }
  }

  @Test
  void oneAddressHoldsBoundedConnectionsAndTheFloodKeepsTheHeapBounded() throws Exception {
    long before = liveHeapMb();
    List<Socket> sockets = new ArrayList<>();
    try {
      // Each asks once and keeps its connection: without a cap all would stay open for the idle time (30 s).
      for (int i = 0; i < 1000; i++) {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", node.node.port()), 2000);
        s.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        sockets.add(s);
      }
      long open = sockets.size();
      for (int pass = 0; pass < 10 && open > CONNECTIONS; pass++) {
        open = sockets.stream().filter(SecurityIT::isOpen).count();
      }
      long during = liveHeapMb();
      System.out.printf("heap: connection flood: %d MB before, %d MB with 1,000 connections opened from one"
          + " address (%d still open)%n", before, during, open);
      assertThat(open).isLessThanOrEqualTo(CONNECTIONS);
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
    Thread.sleep(500);
    assertThat(node.get("/api/branches").status()).as("served again once they are gone").isEqualTo(200);
  }

  /** Whether the server keeps the connection open (reading what it sent meanwhile). */
  private static boolean isOpen(Socket s) {
    try {
      s.setSoTimeout(2);
      InputStream in = s.getInputStream();
      while (in.read() != -1) {
        // what it answered
      }
      return false;
    } catch (java.net.SocketTimeoutException stillOpen) {
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  @Test
  void oneAddressHoldsBoundedEventStreams() throws Exception {
    List<SseClient> streams = new ArrayList<>();
    try {
      for (int i = 0; i < STREAMS; i++) {
        SseClient s = new SseClient(node.http, node.base() + "/api/branches/main/events", null);
        assertThat(s.status).isEqualTo(200);
        streams.add(s);
      }
      HttpResponse<String> refused = node.http.send(HttpRequest.newBuilder(URI.create(node.base()
          + "/api/branches/main/events")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.body()).contains("too_many_streams");
      streams.remove(0).close();
      SseClient again = awaitStream();
      streams.add(again);
    } finally {
      streams.forEach(SseClient::close);
    }
  }

  private static SseClient awaitStream() throws Exception {
    for (int i = 0; i < 50; i++) {
      SseClient s = new SseClient(node.http, node.base() + "/api/branches/main/events", null);
      if (s.status == 200) {
        return s;
      }
      s.close();
      Thread.sleep(100);
    }
    throw new AssertionError("a closed stream is never given back to its address");
  }

  // 9. Metrics from input.

  @Test
  void madeUpMethodsAreRefusedAndMakeNoMetricSeries() throws Exception {
    for (int i = 0; i < 200; i++) {
      String answer = raw("FOO" + i + " /api/branches HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertThat(answer).startsWith("HTTP/1.1 501");
    }
    String metrics = node.get("/metrics").text();
    assertThat(metrics).doesNotContain("FOO");
  }

  private static String raw(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", node.node.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  // 11. Small ones.

  @Test
  void malformedBodiesAreRefusedAndChangeNothing() throws Exception {
    long seq = node.seq("main");
    String token = node.login("carl");
    for (String body : new String[] {"{\"service\":\"lib\"} trailing", "{\"service\":\"lib\"}{}",
        "{\"service\":\"lib\",\"service\":\"pas\"}", "{\"service\":7}", "{\"service\":true}"}) {
      Reply r = node.post("/api/branches/main/tickets", body);
      assertThat(r.status()).as(body).isEqualTo(400);
    }
    Reply nulls = node.post("/api/branches/main/desks/d2/open", "{\"services\":[null]}", token);
    assertThat(nulls.status()).isEqualTo(400);
    assertThat(nulls.body().get("field").asText()).isEqualTo("services");
    Reply forged = node.post("/api/branches/main/desks/d1%0Atime=x%20command=Forged/open", "{\"services\":[\"lib\"]}", token);
    assertThat(forged.status()).isEqualTo(404);
    assertThat(node.seq("main")).isEqualTo(seq);
    Reply farOff = node.get("/api/stats?from=%2B999999999-12-31");
    assertThat(farOff.status()).isEqualTo(400);
    assertThat(farOff.body().get("field").asText()).isEqualTo("from");
  }

  @Test
  void aClientDroppingItsRequestIsNoWarningAndReadinessNamesNoFile() throws Exception {
    List<LogRecord> warnings = Collections.synchronizedList(new ArrayList<>());
    Logger errors = Logger.getLogger(Errors.class.getName());
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(r);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    errors.addHandler(handler);
    try {
      for (int i = 0; i < 5; i++) {
        try (Socket s = new Socket("127.0.0.1", node.node.port())) {
          OutputStream out = s.getOutputStream();
          out.write(("POST /api/branches/main/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              + "Content-Length: 5000\r\n\r\n{\"service\":").getBytes(StandardCharsets.US_ASCII));
          out.flush();
          s.setSoLinger(true, 0);
        }
      }
      Thread.sleep(1000);
    } finally {
      errors.removeHandler(handler);
    }
    assertThat(warnings).isEmpty();
    Reply ready = node.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.text()).doesNotContain("test-config").doesNotContain("source");
  }

  /** The live heap after a full collection, in MB. */
  static long liveHeapMb() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }
}
