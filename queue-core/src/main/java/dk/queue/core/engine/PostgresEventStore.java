package dk.queue.core.engine;

import dk.queue.core.domain.Recorded;
import dk.queue.core.json.JsonMapping;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event log in PostgreSQL, one database for every node of a cluster, so that a restart of all
 * nodes finds every event. One connection for the writes and the day's replay, used by one caller
 * at a time and opened again after a failure; reads for statistics open one of their own. The node
 * calls it only off the event loop. The node creates and migrates the schema
 * itself at start, from the numbered SQL files beside this class, recording each in
 * {@code schema_version}.
 */
public final class PostgresEventStore implements EventStore {
  /** The schema's migrations, in order; the number of the last is the schema version. */
  static final List<String> MIGRATIONS = List.of("V1.sql", "V2.sql", "V3.sql");
  /** Serialises the migrations of nodes starting at the same moment. */
  private static final long MIGRATION_LOCK = 0x5155455545L;
  private static final int TIMEOUT_SECONDS = 5;
  /**
   * The longest a read of the socket may wait: a server that accepts connections and never answers
   * (stopped, swapping, a half-open connection) fails a call after this instead of holding it.
   */
  private static final int SOCKET_TIMEOUT_SECONDS = 10;
  private static final System.Logger LOG = System.getLogger(PostgresEventStore.class.getName());

  private final String jdbcUrl;
  private final Properties properties;
  private Connection connection;
  private volatile boolean migrated;
  private final Map<String, Long> setAside = new ConcurrentHashMap<>();

  private PostgresEventStore(String jdbcUrl, Properties properties) {
    this.jdbcUrl = jdbcUrl;
    this.properties = properties;
  }

  /**
   * Connects to {@code postgres://user:password@host:port/database} and brings its schema up to
   * date. The database need not be reachable yet: the schema is then made on the first call.
   *
   * @throws IllegalArgumentException if the address is not of that form
   */
  public static PostgresEventStore connect(String url) {
    PostgresEventStore store = parse(url);
    try {
      store.check();
    } catch (IOException e) {
      System.getLogger(PostgresEventStore.class.getName()).log(System.Logger.Level.WARNING,
          "event store not reachable yet: " + e.getMessage());
    }
    return store;
  }

  /**
   * Checks the form of a {@code postgres://} address without connecting.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  public static void checkAddress(String url) {
    parse(url);
  }

  /** The JDBC address and credentials of a {@code postgres://} address. */
  static PostgresEventStore parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--store: not an address: " + url);
    }
    if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
      throw new IllegalArgumentException("--store takes postgres://user:password@host:port/database, not '" + url + "'");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (uri.getHost() == null || path.length() < 2) {
      throw new IllegalArgumentException("--store: the address needs a host and a database: "
          + "postgres://user:password@host:port/database");
    }
    Properties p = new Properties();
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      p.setProperty("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
      if (colon >= 0) {
        p.setProperty("password", decode(userInfo.substring(colon + 1)));
      }
    }
    p.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
    p.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
    p.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
    // The server ends a statement after this, so that a lock or a slow disk cannot hold a call.
    p.setProperty("options", "-c statement_timeout=" + TIMEOUT_SECONDS * 1000);
    p.setProperty("tcpKeepAlive", "true");
    p.setProperty("ApplicationName", "queue-node");
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + decode(path.substring(1))
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return new PostgresEventStore(jdbc, p);
  }

  String jdbcUrl() {
    return jdbcUrl;
  }

  String property(String name) {
    return properties.getProperty(name);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void append(String branch, List<Recorded> events) throws IOException {
    if (events.isEmpty()) {
      return;
    }
    run(c -> {
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO events (branch, seq, at, type, body) VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT (branch, seq) DO NOTHING")) {
        for (Recorded r : events) {
          insert.setString(1, branch);
          insert.setLong(2, r.seq());
          insert.setTimestamp(3, Timestamp.from(r.at()));
          insert.setString(4, r.event().getClass().getSimpleName());
          insert.setString(5, JsonMapping.encode(r));
          insert.addBatch();
        }
        insert.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
      return null;
    });
  }

  @Override
  public synchronized List<Recorded> currentDay(String branch) throws IOException {
    return run(c -> select(c, branch, "SELECT seq, body FROM events WHERE branch = ? AND seq >= COALESCE("
        + "(SELECT max(seq) FROM events WHERE branch = ? AND type = 'DayStarted'), 0) ORDER BY seq", st -> {
          st.setString(1, branch);
          st.setString(2, branch);
        }));
  }

  /** On a connection of its own, so that a long read for statistics does not hold up the writes. */
  @Override
  public List<Recorded> between(String branch, Instant from, Instant to) throws IOException {
    return separately(c -> select(c, branch, "SELECT seq, body FROM events WHERE branch = ? AND at >= ? AND at < ? ORDER BY seq", st -> {
      st.setString(1, branch);
      st.setTimestamp(2, Timestamp.from(from));
      st.setTimestamp(3, Timestamp.from(to));
    }));
  }

  @Override
  public synchronized long deleteBefore(String branch, Instant cutoff) throws IOException {
    return run(c -> {
      try (PreparedStatement st = c.prepareStatement("DELETE FROM events WHERE branch = ? AND at < ?")) {
        st.setString(1, branch);
        st.setTimestamp(2, Timestamp.from(cutoff));
        return (long) st.executeUpdate();
      }
    });
  }

  /**
   * On a connection of its own, so that a check never waits behind a write that hangs (the node
   * runs one check at a time); it fails within the connect and socket timeouts.
   */
  @Override
  public void check() throws IOException {
    separately(c -> {
      try (Statement st = c.createStatement()) {
        st.setQueryTimeout(TIMEOUT_SECONDS);
        st.execute("SELECT 1");
      }
      return null;
    });
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public Map<String, Long> setAside() {
    return Map.copyOf(setAside);
  }

  @Override
  public synchronized boolean setAsideAny(String branch) throws IOException {
    return run(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM events_set_aside WHERE branch = ? LIMIT 1")) {
        st.setString(1, branch);
        try (ResultSet rs = st.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  @Override
  public synchronized List<Recorded> diverging(String branch, List<Recorded> events) throws IOException {
    if (events.isEmpty()) {
      return List.of();
    }
    Map<Long, Recorded> offered = new java.util.HashMap<>();
    events.forEach(r -> offered.put(r.seq(), r));
    List<Recorded> held = run(c -> select(c, branch, "SELECT seq, body FROM events WHERE branch = ? AND seq = ANY(?) ORDER BY seq",
        st -> {
          st.setString(1, branch);
          st.setArray(2, c.createArrayOf("bigint", offered.keySet().toArray()));
        }));
    return held.stream().filter(r -> !r.equals(offered.get(r.seq()))).map(r -> offered.get(r.seq())).toList();
  }

  /** Keeps a version of the configuration (table {@code config_versions}); one kept under its number stays. */
  public synchronized void keepVersion(ConfigVersions.Saved saved) throws IOException {
    run(c -> {
      try (PreparedStatement st = c.prepareStatement("INSERT INTO config_versions (version, at, source, summary, yaml) "
          + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (version) DO NOTHING")) {
        st.setLong(1, saved.version());
        st.setTimestamp(2, Timestamp.from(saved.at()));
        st.setString(3, saved.source());
        st.setString(4, saved.summary());
        st.setString(5, saved.yaml());
        st.executeUpdate();
      }
      // As many as are kept, and the newest read from a file.
      try (PreparedStatement st = c.prepareStatement("DELETE FROM config_versions WHERE version <= ? AND version <> "
          + "COALESCE((SELECT max(version) FROM config_versions WHERE source = ?), 0)")) {
        st.setLong(1, saved.version() - ConfigVersions.KEPT);
        st.setString(2, ConfigVersions.FILE);
        st.executeUpdate();
      }
      return null;
    });
  }

  /** The kept versions of the configuration, newest first, at most {@code limit}. */
  public synchronized List<ConfigVersions.Saved> versions(int limit) throws IOException {
    return run(c -> {
      List<ConfigVersions.Saved> out = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement(
          "SELECT version, at, source, summary, yaml FROM config_versions ORDER BY version DESC LIMIT ?")) {
        st.setInt(1, limit);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.add(new ConfigVersions.Saved(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5)));
          }
        }
      }
      return out;
    });
  }

  /** The schema version the database is at (the number of migrations applied). */
  public synchronized int schemaVersion() throws IOException {
    return run(c -> {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

  @Override
  public synchronized void close() {
    drop();
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private interface Binder {
    void bind(PreparedStatement st) throws SQLException;
  }

  /**
   * The events a query gives ({@code seq, body} of one branch); rows that cannot be read are set
   * aside, so that the same row never stops a replay twice.
   */
  private List<Recorded> select(Connection c, String branch, String sql, Binder binder) throws SQLException {
    List<Recorded> out = new ArrayList<>();
    Map<Long, String> unreadable = new java.util.TreeMap<>();
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setFetchSize(2000);
      st.setQueryTimeout(TIMEOUT_SECONDS);
      binder.bind(st);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          try {
            out.add(JsonMapping.decodeStored(rs.getString(2), Recorded.class));
          } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
            unreadable.put(rs.getLong(1), String.valueOf(e.getMessage()));
          }
        }
      }
    }
    if (!unreadable.isEmpty()) {
      setAside(c, branch, unreadable);
    }
    return out;
  }

  /** Moves rows that cannot be read from events to events_set_aside, in one transaction. */
  private void setAside(Connection c, String branch, Map<Long, String> rows) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement move = c.prepareStatement("WITH gone AS (DELETE FROM events WHERE branch = ? AND seq = ? "
        + "RETURNING branch, seq, at, type, body) INSERT INTO events_set_aside (branch, seq, at, type, body, problem) "
        + "SELECT branch, seq, at, type, body, ? FROM gone ON CONFLICT (branch, seq) DO NOTHING")) {
      for (Map.Entry<Long, String> row : rows.entrySet()) {
        move.setString(1, branch);
        move.setLong(2, row.getKey());
        move.setString(3, row.getValue());
        move.addBatch();
      }
      move.executeBatch();
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
    setAside.merge(branch, (long) rows.size(), Long::sum);
    LOG.log(System.Logger.Level.ERROR, "event log of " + branch + ": events " + rows.keySet()
        + " could not be read and were moved to events_set_aside (" + rows.values().iterator().next() + ")");
  }

  /** Runs work on the connection, opening (and migrating) it first; a failure drops the connection. */
  private <T> T run(Work<T> work) throws IOException {
    try {
      if (connection == null) {
        Connection c = DriverManager.getConnection(jdbcUrl, properties);
        try {
          migrateOnce(c);
        } catch (SQLException | IOException e) {
          c.close();
          throw e;
        }
        connection = c;
      }
      return work.run(connection);
    } catch (SQLException e) {
      drop();
      throw new IOException("PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** Runs work on a new connection, closed afterwards. */
  private <T> T separately(Work<T> work) throws IOException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, properties)) {
      migrateOnce(c);
      return work.run(c);
    } catch (SQLException e) {
      throw new IOException("PostgreSQL: " + e.getMessage(), e);
    }
  }

  private void drop() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // going anyway
      }
      connection = null;
    }
  }

  private void migrateOnce(Connection c) throws SQLException, IOException {
    if (!migrated) {
      migrate(c);
      migrated = true;
    }
  }

  /** Applies the migrations the database does not have yet, under a lock shared by all nodes. */
  private static void migrate(Connection c) throws SQLException, IOException {
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      st.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
      st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, "
          + "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
      int current;
      try (ResultSet rs = st.executeQuery("SELECT COALESCE(max(version), 0) FROM schema_version")) {
        rs.next();
        current = rs.getInt(1);
      }
      for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
        st.execute(sql(MIGRATIONS.get(v - 1)));
        st.execute("INSERT INTO schema_version (version) VALUES (" + v + ")");
      }
      c.commit();
    } catch (SQLException | IOException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static String sql(String name) throws IOException {
    try (InputStream in = PostgresEventStore.class.getResourceAsStream("postgres/" + name)) {
      if (in == null) {
        throw new IOException("migration " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
