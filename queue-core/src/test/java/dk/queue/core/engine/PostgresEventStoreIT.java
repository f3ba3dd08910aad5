package dk.queue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The PostgreSQL store against the contract, on a real server, and its schema handling. */
class PostgresEventStoreIT extends EventStoreContract {
  String url;

  @Override
  EventStore create() throws Exception {
    url = PostgresServer.shared().newDatabase();
    return PostgresEventStore.connect(url);
  }

  @Override
  EventStore reopen() {
    return PostgresEventStore.connect(url);
  }

  @Override
  void storeRaw(long seq, String json) throws Exception {
    try (Connection c = PostgresServer.shared().connect(PostgresServer.database(url));
         java.sql.PreparedStatement st = c.prepareStatement(
             "INSERT INTO events (branch, seq, at, type, body) VALUES ('main', ?, now(), 'TicketIssued', ?::jsonb)")) {
      st.setLong(1, seq);
      st.setString(2, json);
      st.execute();
    }
  }

  @Override
  java.util.List<String> setAsideRaw() throws Exception {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (Connection c = PostgresServer.shared().connect(PostgresServer.database(url));
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT body::text FROM events_set_aside WHERE branch = 'main' ORDER BY seq")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void theNodeCreatesTheSchemaOnceWhoeverConnectsFirst() throws Exception {
    store.check();
    try (PostgresEventStore second = PostgresEventStore.connect(url)) {
      assertThat(second.schemaVersion()).isEqualTo(PostgresEventStore.MIGRATIONS.size());
    }
    try (Connection c = PostgresServer.shared().connect(PostgresServer.database(url));
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT count(*) FROM schema_version")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(PostgresEventStore.MIGRATIONS.size());
    }
  }

  @Test
  void theTableRefusesASecondEventWithTheSameBranchAndSeq() throws Exception {
    store.append("main", issued("main", 1, 1, T0));
    try (Connection c = PostgresServer.shared().connect(PostgresServer.database(url));
         Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.execute("INSERT INTO events (branch, seq, at, type, body) "
          + "VALUES ('main', 1, now(), 'TicketIssued', '{}')")).hasMessageContaining("duplicate key");
    }
  }

  @Test
  void aStoreThatCannotReachItsServerFailsItsCheckAndRecoversLater() throws Exception {
    PostgresServer own = PostgresServer.create();
    try {
      String address = own.url("postgres");
      try (PostgresEventStore s = PostgresEventStore.connect(address)) {
        assertThatThrownBy(s::check).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> s.append("main", issued("main", 1, 2, T0))).isInstanceOf(IOException.class);
        own.start();
        s.append("main", issued("main", 1, 2, T0));
        assertThat(seqs(s.currentDay("main"))).containsExactly(1L, 2L);
      }
    } finally {
      own.close();
    }
  }

  @Test
  void theAddressGivesTheJdbcUrlAndDecodedCredentials() {
    PostgresEventStore s = PostgresEventStore.parse("postgres://queue:s%40cret+1@db.example:5433/queue?sslmode=require");
    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/queue?sslmode=require");
    assertThat(s.property("user")).isEqualTo("queue");
    assertThat(s.property("password")).isEqualTo("s@cret+1");
    assertThat(PostgresEventStore.parse("postgres://h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
  }

  @Test
  void anAddressThatIsNotPostgresIsRefusedWithTheFormItNeeds() {
    assertThatThrownBy(() -> PostgresEventStore.connect("mysql://u:p@h/db"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("postgres://user:password@host:port/database");
    assertThatThrownBy(() -> PostgresEventStore.connect("postgres://u:p@h:5432"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database");
  }
}
