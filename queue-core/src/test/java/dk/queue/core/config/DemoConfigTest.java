package dk.queue.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.BranchDef;
import dk.queue.core.domain.DeskDef;
import dk.queue.core.domain.ServiceDef;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoConfigTest {
  static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  /** A Monday. */
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 11, 23, 0, 0, 0, 0, CPH);

  final QueueConfig demo = ConfigLoader.demo();

  static ZonedDateTime at(int daysAfterMonday, int hour, int minute) {
    return MONDAY.plusDays(daysAfterMonday).withHour(hour).withMinute(minute);
  }

  @Test
  void mainLibraryOffersCitizenLibraryAndDigitalServicesAtFiveDesks() {
    BranchDef main = demo.branch("hovedbiblioteket").orElseThrow();
    assertThat(main.name()).isEqualTo("Hovedbiblioteket");
    assertThat(main.zone()).isEqualTo(CPH);
    assertThat(main.services()).extracting(ServiceDef::id).contains("pas", "koerekort", "sundhedskort", "flytning",
        "mitid", "pension", "digital-post", "vielse", "laan", "indmeldelse", "print", "digital-hjaelp");
    assertThat(main.services()).extracting(ServiceDef::group).contains("borgerservice", "bibliotek", "digital");
    assertThat(main.desks()).extracting(DeskDef::name)
        .containsExactly("Skranke 1", "Skranke 2", "Skranke 3", "Skranke 4", "Skranke 5");
    assertThat(main.service("pas").orElseThrow().name().da()).isEqualTo("Pas");
    assertThat(main.service("pas").orElseThrow().name().en()).isEqualTo("Passport");
  }

  @Test
  void mainLibraryIsOpenAroundTheClockButForPension() {
    BranchDef main = demo.branch("hovedbiblioteket").orElseThrow();
    List<ZonedDateTime> anyHour = List.of(at(6, 3, 0), at(2, 12, 0), at(5, 23, 59), at(0, 0, 0));
    for (ServiceDef s : main.services()) {
      if (!s.id().equals("pension")) {
        assertThat(anyHour).as(s.id()).allMatch(t -> s.hours().isOpen(t));
      }
    }
    ServiceDef pension = main.service("pension").orElseThrow();
    assertThat(pension.hours().isOpen(at(0, 10, 30))).isTrue();
    assertThat(pension.hours().isOpen(at(3, 14, 59))).isTrue();
    assertThat(pension.hours().isOpen(at(0, 15, 0))).isFalse();
    assertThat(pension.hours().isOpen(at(4, 11, 0))).as("friday").isFalse();
    assertThat(pension.hours().isOpen(at(6, 11, 0))).as("sunday").isFalse();
  }

  @Test
  void weddingsAreByAppointmentOnly() {
    BranchDef main = demo.branch("hovedbiblioteket").orElseThrow();
    assertThat(main.services()).filteredOn(ServiceDef::appointmentOnly).extracting(ServiceDef::id)
        .containsExactly("vielse");
    assertThat(main.service("vielse").orElseThrow().name().en()).isEqualTo("Wedding");
  }

  @Test
  void westBranchOffersLibraryAndDigitalHelpInOrdinaryHours() {
    BranchDef vest = demo.branch("filial-vest").orElseThrow();
    assertThat(vest.name()).isEqualTo("Vestby Bibliotek");
    assertThat(vest.desks()).hasSize(2);
    assertThat(vest.services()).extracting(ServiceDef::group).containsOnly("bibliotek", "digital");
    ServiceDef laan = vest.service("laan").orElseThrow();
    assertThat(laan.hours().isOpen(at(0, 9, 59))).isFalse();
    assertThat(laan.hours().isOpen(at(0, 10, 0))).isTrue();
    assertThat(laan.hours().isOpen(at(4, 17, 59))).isTrue();
    assertThat(laan.hours().isOpen(at(4, 18, 0))).isFalse();
    assertThat(laan.hours().isOpen(at(5, 13, 0))).as("saturday").isTrue();
    assertThat(laan.hours().isOpen(at(5, 14, 0))).as("saturday").isFalse();
    assertThat(laan.hours().isOpen(at(6, 12, 0))).as("sunday").isFalse();
  }

  @Test
  void everyServiceHasDanishAndEnglishNamesAndALetterOfItsOwnAtEachBranch() {
    for (BranchDef b : demo.branches()) {
      assertThat(b.services()).extracting(ServiceDef::letter).as(b.id()).doesNotHaveDuplicates();
      for (ServiceDef s : b.services()) {
        assertThat(s.name().da()).isNotBlank();
        assertThat(s.name().en()).isNotBlank();
      }
    }
    assertThat(demo.branches()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void demoUserHasPinZerosAndEverySkill() {
    StaffMember demoUser = demo.staff().get("demo");
    assertThat(demoUser.pinMatches("0000")).isTrue();
    assertThat(demoUser.pinMatches("1234")).isFalse();
    Set<String> offered = demo.branches().stream().flatMap(b -> b.services().stream()).map(ServiceDef::id)
        .collect(Collectors.toSet());
    assertThat(demoUser.skills()).containsAll(offered);
  }

  @Test
  void otherStaffHavePartialSkillsAndPin1234() {
    assertThat(demo.staff()).containsKeys("mette", "lars", "aisha", "jens");
    assertThat(demo.staff().get("mette").skills())
        .containsExactlyInAnyOrder("pas", "koerekort", "sundhedskort", "flytning", "mitid", "pension", "vielse");
    assertThat(demo.staff().get("lars").skills())
        .containsExactlyInAnyOrder("laan", "indmeldelse", "print", "digital-hjaelp");
    for (String user : List.of("mette", "lars", "aisha", "jens")) {
      StaffMember m = demo.staff().get(user);
      assertThat(m.pinMatches("1234")).as(user).isTrue();
      assertThat(m.skills()).as(user).hasSizeLessThan(demo.staff().get("demo").skills().size());
    }
  }

  @Test
  void everyBranchHasAScreenAndAKiosk() {
    for (BranchDef b : demo.branches()) {
      assertThat(demo.screens()).extracting(ScreenDef::branch).as(b.id()).contains(b.id());
      assertThat(demo.kiosks()).extracting(KioskDef::branch).as(b.id()).contains(b.id());
    }
    ScreenDef waiting = demo.screen("hovedbiblioteket-venteomraade").orElseThrow();
    assertThat(waiting.layout()).isEqualTo("landscape");
    assertThat(waiting.languages()).containsExactly("da", "en");
    assertThat(waiting.sound()).isTrue();
    assertThat(demo.screen("filial-vest-skaerm").orElseThrow().branch()).isEqualTo("filial-vest");
    assertThat(demo.kiosk("hovedbiblioteket-kiosk").orElseThrow().branch()).isEqualTo("hovedbiblioteket");
    assertThat(demo.kiosk("filial-vest-kiosk").orElseThrow().branch()).isEqualTo("filial-vest");
  }

  @Test
  void outcomesAreListed() {
    assertThat(demo.outcomes()).contains("served", "referred", "needs-appointment");
  }
}
