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

  @Test
  void theEdgeAndTheClusterNameAreTakenFromTheCommandLine() {
    Main.Args args = Main.Args.parse(new String[] {"--public-url", "https://koe.example.dk", "--trusted-proxy",
        "10.0.0.5, 10.0.0.6", "--tickets-per-address", "7", "--streams-per-address", "40", "--connections-per-address",
        "90", "--bookings-per-address", "4", "--cluster-name", "odense-koe"});
    assertThat(args.edge().publicUrl()).isEqualTo("https://koe.example.dk");
    assertThat(args.edge().trustedProxies()).containsExactly("10.0.0.5", "10.0.0.6");
    assertThat(args.edge().ticketsPerAddressPerMinute()).isEqualTo(7);
    assertThat(args.edge().streamsPerAddress()).isEqualTo(40);
    assertThat(args.edge().connectionsPerAddress()).isEqualTo(90);
    assertThat(args.edge().bookingsPerAddressPerMinute()).isEqualTo(4);
    assertThat(args.cluster().name()).isEqualTo("odense-koe");
    assertThat(Main.Args.parse(new String[0]).cluster().name()).isEqualTo("queue");
  }

  @Test
  void aPublicUrlWithAPathOrAClusterNameWithSpacesIsRefused() {
    assertThatThrownBy(() -> Main.Args.parse(new String[] {"--public-url", "https://x.dk/koe"}))
        .hasMessageContaining("without a path");
    assertThatThrownBy(() -> Main.Args.parse(new String[] {"--cluster-name", "a b"}))
        .hasMessageContaining("cluster name");
  }
}
