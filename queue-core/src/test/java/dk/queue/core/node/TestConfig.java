package dk.queue.core.node;

import dk.queue.core.config.KioskDef;
import dk.queue.core.config.QueueConfig;
import dk.queue.core.config.ScreenDef;
import dk.queue.core.config.StaffMember;
import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.DeskDef;
import dk.queue.core.domain.LocalizedText;
import dk.queue.core.domain.OpeningHours;
import dk.queue.core.domain.ServiceDef;
import dk.queue.core.domain.TimeRange;
import dk.queue.core.http.Kiosks;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mindrot.jbcrypt.BCrypt;

/**
 * A small organisation for node tests: branch {@code main} (passport, library help around the
 * clock, a service never open, one by appointment) with four desks, and branch {@code vest}
 * (passport and library help) with one desk. Staff: {@code anna} (all), {@code bo} (library help
 * only), {@code carl} and {@code dora} (all), {@code eva} (all, supervisor of {@code main}); every
 * PIN is {@code 1234}.
 */
public final class TestConfig {
  public static final String PIN = "1234";
  /** The device key of kiosk {@code main-kiosk}. */
  public static final String KIOSK_KEY = "test-kiosk-key";
  /** {@link #PIN}'s hash, for staff in an organisation file. */
  public static final String PIN_HASH = BCrypt.hashpw(PIN, BCrypt.gensalt(4));
  /**
   * The start of a small organisation file: passport, and two branches ({@code main},
   * {@code vest}) open around the clock with one desk {@code d1} each; a test adds its staff and
   * the sections it needs.
   */
  public static final String TWO_BRANCHES_YAML = String.join("\n",
      "services:",
      "  - {id: pas, name: {da: Pas, en: Passport}, letter: P, group: borgerservice}",
      "branches:",
      "  - id: main",
      "    name: Hovedbiblioteket",
      "    hours: {mon-sun: \"00:00-24:00\"}",
      "    services: [pas]",
      "    desks: [{id: d1, name: Skranke 1}]",
      "  - id: vest",
      "    name: Vestbiblioteket",
      "    hours: {mon-sun: \"00:00-24:00\"}",
      "    services: [pas]",
      "    desks: [{id: d1, name: Skranke 1}]",
      "");

  private TestConfig() {}

  public static QueueConfig create() {
    ZoneId cph = ZoneId.of("Europe/Copenhagen");
    OpeningHours always = OpeningHours.always();
    EnumMap<DayOfWeek, List<TimeRange>> never = new EnumMap<>(DayOfWeek.class);
    ServiceDef pas = new ServiceDef("pas", new LocalizedText("Pas", "Passport"), "P", "borgerservice", 900, 300, always, false);
    ServiceDef lib = new ServiceDef("lib", new LocalizedText("Lånerhjælp", "Library help"), "L", "bibliotek", 600, 120, always, false);
    ServiceDef closed = new ServiceDef("pension", new LocalizedText("Pension", "Pension"), "N", "borgerservice", 900, 300,
        new OpeningHours(never), false);
    ServiceDef wedding = new ServiceDef("vielse", new LocalizedText("Vielse", "Wedding"), "V", "borgerservice", 900, 300, always, true);
    BranchDef main = new BranchDef("main", "Hovedbiblioteket", cph, List.of(pas, lib, closed, wedding),
        List.of(new DeskDef("d1", "Skranke 1"), new DeskDef("d2", "Skranke 2"), new DeskDef("d3", "Skranke 3"),
            new DeskDef("d4", "Skranke 4")));
    BranchDef vest = new BranchDef("vest", "Vestby Bibliotek", cph, List.of(pas, lib), List.of(new DeskDef("v1", "Skranke 1")));
    String hash = BCrypt.hashpw(PIN, BCrypt.gensalt(4));
    Set<String> all = Set.of("pas", "lib", "pension", "vielse");
    Map<String, StaffMember> staff = Map.of(
        "anna", new StaffMember("anna", "Anna", all, hash),
        "bo", new StaffMember("bo", "Bo", Set.of("lib"), hash),
        "carl", new StaffMember("carl", "Carl", all, hash),
        "dora", new StaffMember("dora", "Dora", all, hash),
        "eva", new StaffMember("eva", "Eva", all, hash, false, Set.of("main")));
    return new QueueConfig("test-config", List.of(main, vest), staff,
        List.of(new ScreenDef("main-screen", "main", "Venteområde", "landscape", List.of("da", "en"), true)),
        List.of(new KioskDef("main-kiosk", "main", "Kiosk", List.of("da", "en")).withDeviceKeySha256(Kiosks.sha256(KIOSK_KEY))),
        List.of("served", "referred"));
  }
}
