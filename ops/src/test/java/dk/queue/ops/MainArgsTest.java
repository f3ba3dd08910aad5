package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The command line's store option: the default folder, a PostgreSQL address, and what is refused. */
class MainArgsTest {

  @Test
  void withoutStoreTheEventsStayInTheDataFolder() {
    assertThat(Main.Args.parse(new String[] {"--data-dir", "/tmp/x"}).store()).isNull();
  }

  @Test
  void aPostgresAddressIsTaken() {
    String url = "postgres://queue:s%40cret@db.example:5433/queue";
    assertThat(Main.Args.parse(new String[] {"--store", url}).store()).isEqualTo(url);
  }

  @Test
  void anythingElseIsRefusedWithTheFormItNeeds() {
    assertThatThrownBy(() -> Main.Args.parse(new String[] {"--store", "mysql://u:p@h/db"}))
        .hasMessage("--store takes postgres://user:password@host:port/database, not 'mysql://u:p@h/db'");
    assertThatThrownBy(() -> Main.Args.parse(new String[] {"--store", "postgres://u:p@h"}))
        .hasMessageContaining("needs a host and a database");
    assertThatThrownBy(() -> Main.Args.parse(new String[] {"--store"})).hasMessage("--store needs a value");
  }
}
