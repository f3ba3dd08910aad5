package dk.queue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import com.hazelcast.internal.serialization.impl.SerializationConstants;
import com.hazelcast.map.IMap;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.BranchState;
import dk.queue.core.domain.Channel;
import dk.queue.core.domain.Command;
import dk.queue.core.domain.Recorded;
import dk.queue.core.domain.Ticket;
import dk.queue.core.domain.TicketState;
import dk.queue.core.engine.serial.RecordSerializer;
import dk.queue.core.node.HazelcastSetup;
import dk.queue.core.node.Ports;
import dk.queue.core.node.TestConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real members, two to a cluster in this JVM: what crosses between them is Compact, Java
 * deserialization of our classes is refused, and a member whose record has a component more reads
 * what a member of the current version wrote.
 */
class CompactSerializationIT {
  private final List<HazelcastInstance> members = new ArrayList<>();

  @AfterEach
  void stop() {
    members.forEach(HazelcastInstance::shutdown);
  }

  @Test
  void commandsRunAcrossTwoMembersWithoutJavaSerialization() {
    HazelcastInstance[] two = twoMembers("compact-");
    HazelcastInstance a = two[0];
    HazelcastInstance b = two[1];
    // With closed days, holiday rules and special hours, so that they cross as well.
    BranchDef def = TestConfig.create().branches().get(0).withClosedDays(new dk.queue.core.domain.ClosedDays(List.of(
        dk.queue.core.domain.SpecialDay.closedOn("juledag"),
        new dk.queue.core.domain.SpecialDay(LocalDate.of(2026, 6, 5), null, null, List.of(new dk.queue.core.domain.TimeRange(
            java.time.LocalTime.of(9, 0), java.time.LocalTime.of(14, 0))), new dk.queue.core.domain.LocalizedText("Kort dag", null)))));
    ZoneId zone = def.zone();
    // A branch owned by the other member, in a map that keeps values serialized: every command,
    // reply and read below crosses between the members as bytes.
    IMap<String, BranchState> map = a.getMap("compact-branches");
    String key = def.id();
    BranchState initial = BranchState.initial(def, LocalDate.now(zone));
    map.put(key, initial);
    HazelcastInstance caller = a.getPartitionService().getPartition(key).getOwner().localMember() ? b : a;
    IMap<String, BranchState> branches = caller.getMap("compact-branches");

    String service = def.services().get(0).id();
    String desk = def.desks().get(0).id();
    Instant now = Instant.now();
    Outcome opened = run(branches, key, new Command.OpenDesk(now, desk, "anna", Set.of(service), List.of(service)));
    assertThat(opened.accepted()).as("open: %s", opened.rejection()).isTrue();
    Outcome issued = run(branches, key, new Command.IssueTicket(now, key + "-t1", service, Channel.KIOSK, "da"));
    assertThat(issued.accepted()).as("issue: %s", issued.rejection()).isTrue();
    Outcome called = run(branches, key, new Command.CallNext(now, desk, "anna"));
    assertThat(called.events()).extracting(r -> r.event().getClass().getSimpleName()).contains("TicketCalled");

    BranchState read = branches.get(key);
    assertThat(read.def()).isEqualTo(def);
    Ticket ticket = read.tickets().get(key + "-t1");
    assertThat(ticket.state()).isEqualTo(TicketState.CALLED);
    assertThat(ticket.issuedAt()).isEqualTo(now);
    assertThat(read.desks().get(desk).services()).containsExactly(service);
    assertThat(read.outbox()).extracting(Recorded::seq).containsExactly(1L, 2L, 3L, 4L);
    // every component came through: the state read equals the day replayed here from its events
    BranchState replayed = initial;
    for (Recorded r : read.outbox()) {
      replayed = replayed.apply(r);
    }
    assertThat(read.withOutbox(List.of())).isEqualTo(replayed);

    List<Recorded> head = branches.executeOnKey(key, new OutboxHead(2));
    assertThat(head).extracting(Recorded::seq).containsExactly(1L, 2L);
    assertThat(branches.executeOnKey(key, new AckProcessor(1, 2))).isEqualTo(2);
    assertThat(branches.executeOnKey(key, new AckProcessor(5, 5))).isEqualTo(AckProcessor.GAP);
    assertThat(branches.get(key).outbox()).extracting(Recorded::seq).containsExactly(3L, 4L);

    SerializationService serialization = ((SerializationServiceSupport) caller).getSerializationService();
    for (Object value : List.of(read, issued, read.outbox().get(0), new CommandProcessor(new Command.Tick(now), "k"),
        new AckProcessor(1, 2), new OutboxHead(3), ticket)) {
      assertThat(serialization.toData(value).getType()).as(value.getClass().getName())
          .isEqualTo(SerializationConstants.TYPE_COMPACT);
    }

    // Undo, a desk left signed out and a supervisor taking it over cross the same way.
    Instant closes = now.plusSeconds(600);
    for (Command c : List.<Command>of(new Command.NoShow(now, desk, "anna"), new Command.Undo(now, desk, "anna"),
        new Command.SignOut(now, desk, "anna", closes),
        new Command.Supervise(now, desk, "eva", Command.Supervise.Action.TAKE_OVER, null, Set.of(service)))) {
      Outcome o = run(branches, key, c);
      assertThat(o.accepted()).as("%s: %s", c, o.rejection()).isTrue();
      assertThat(serialization.toData(new CommandProcessor(c, "k")).getType()).isEqualTo(SerializationConstants.TYPE_COMPACT);
    }
    BranchState after = branches.get(key);
    assertThat(after.desks().get(desk).staff()).isEqualTo("eva");
    assertThat(after.desks().get(desk).current()).isEqualTo(key + "-t1");
    assertThat(after.outbox()).extracting(r -> r.event().getClass().getSimpleName())
        .contains("TicketReopened", "DeskSignedOut", "DeskTakenOver");
    assertThat(after.outbox()).filteredOn(r -> r.event() instanceof dk.queue.core.domain.Event.DeskSignedOut)
        .extracting(r -> ((dk.queue.core.domain.Event.DeskSignedOut) r.event()).closesAt()).containsExactly(closes);
  }

  @Test
  void theBackupReachesTheOwnersStateByApplyingItsEvents() {
    HazelcastInstance[] two = twoMembers("backup-");
    HazelcastInstance a = two[0];
    HazelcastInstance b = two[1];
    BranchDef def = TestConfig.create().branches().get(0);
    String key = def.id();
    a.getMap("backup-branches").put(key, BranchState.initial(def, LocalDate.now(def.zone())));
    HazelcastInstance owner = a.getPartitionService().getPartition(key).getOwner().localMember() ? a : b;
    HazelcastInstance backup = owner == a ? b : a;
    IMap<String, BranchState> branches = backup.getMap("backup-branches");
    List<String> services = def.services().stream().map(dk.queue.core.domain.ServiceDef::id).toList();
    List<String> desks = def.desks().stream().map(dk.queue.core.domain.DeskDef::id).toList();
    java.util.Random random = new java.util.Random(7);
    Instant at = Instant.now();
    int accepted = 0;
    for (int i = 0; i < 400; i++) {
      at = at.plusSeconds(random.nextInt(90));
      String desk = desks.get(random.nextInt(desks.size()));
      String service = services.get(random.nextInt(services.size()));
      Command c = switch (random.nextInt(8)) {
        case 0 -> new Command.OpenDesk(at, desk, "anna", Set.of(service), List.of(service));
        case 1, 2 -> new Command.IssueTicket(at, key + "-t" + i, service, Channel.KIOSK, "da");
        case 3 -> new Command.CallNext(at, desk, "anna");
        case 4 -> new Command.StartService(at, desk, "anna");
        case 5 -> new Command.FinishService(at, desk, "anna", null);
        case 6 -> new Command.NoShow(at, desk, "anna");
        default -> new Command.CloseDesk(at, desk, "anna", null);
      };
      // Desk commands carry a key, a few sent twice: the desk remembers it on both replicas.
      String idempotency = c instanceof Command.AtDesk ? "k" + (i - random.nextInt(2)) : null;
      Outcome o = branches.executeOnKey(key, new CommandProcessor(c, idempotency));
      accepted += o.accepted() && !o.events().isEmpty() ? 1 : 0;
      BranchState ours = LocalStates.of(owner).get(key);
      assertThat(LocalStates.of(backup).get(key)).as("after %s", c).isEqualTo(ours);
    }
    assertThat(accepted).as("commands that changed the branch").isGreaterThan(100);
    assertThat(LocalStates.of(owner).get(key).desks().values()).extracting(dk.queue.core.domain.Desk::lastKey)
        .as("keys remembered").anyMatch(k -> k != null);
  }

  /** The next version of {@link Ticket}: every component of today's and one more. */
  public record TicketNext(String id, String number, String service, Channel channel, String language,
                           TicketState state, Instant issuedAt, Instant queuedAt, String desk, Instant calledAt,
                           Instant startedAt, Instant endedAt, String outcome, String priority, List<String> notes) {}

  @Test
  void aMemberWithAComponentMoreReadsWhatTheCurrentVersionWrote() {
    String cluster = "upgrade-" + UUID.randomUUID();
    int port = Ports.free();
    HazelcastInstance current = member(cluster, port, HazelcastSetup::serialization);
    HazelcastInstance next = member(cluster, port, c -> c.getSerializationConfig().getCompactSerializationConfig()
        .addSerializer(new RecordSerializer<>(TicketNext.class, Ticket.class.getName())));
    Instant at = Instant.parse("2026-11-30T09:15:00.123456Z");
    Ticket written = Ticket.issued("main-t1", "P001", "pas", Channel.KIOSK, "da", at).called("d1", at.plusSeconds(60));
    current.getMap("upgrade").put("t", written);

    Object read = next.getMap("upgrade").get("t");
    assertThat(read).isEqualTo(new TicketNext("main-t1", "P001", "pas", Channel.KIOSK, "da", TicketState.CALLED, at, at,
        "d1", at.plusSeconds(60), null, null, null, null, List.of()));

    // and back: the current version skips the component it does not know
    next.getMap("upgrade").put("u", new TicketNext("main-t2", "P002", "pas", Channel.MOBILE, "en", TicketState.WAITING,
        at, at, null, null, null, null, null, "high", List.of("wheelchair")));
    assertThat(current.getMap("upgrade").get("u"))
        .isEqualTo(Ticket.issued("main-t2", "P002", "pas", Channel.MOBILE, "en", at));
  }

  private static Outcome run(IMap<String, BranchState> branches, String key, Command command) {
    return branches.executeOnKey(key, new CommandProcessor(command, null));
  }

  /** Two members of the current version in a new cluster. */
  private HazelcastInstance[] twoMembers(String name) {
    String cluster = name + UUID.randomUUID();
    int port = Ports.free();
    HazelcastInstance a = member(cluster, port, HazelcastSetup::serialization);
    HazelcastInstance b = member(cluster, port, HazelcastSetup::serialization);
    assertThat(a.getCluster().getMembers()).hasSize(2);
    return new HazelcastInstance[] {a, b};
  }

  private HazelcastInstance member(String cluster, int port, Consumer<Config> serialization) {
    Config config = new Config().setClusterName(cluster);
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.getNetworkConfig().setPort(port).setPortAutoIncrement(true);
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getAutoDetectionConfig().setEnabled(false);
    join.getMulticastConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port).addMember("127.0.0.1:" + (port + 1));
    serialization.accept(config);
    HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
    members.add(member);
    return member;
  }
}
