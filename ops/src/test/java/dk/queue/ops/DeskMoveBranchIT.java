package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.Moves;
import dk.queue.core.node.Http;
import dk.queue.core.node.Ports;
import dk.queue.core.node.QueueNode;
import java.nio.file.Files;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * In a real headless chromium against a real node (its clock on a Wednesday at noon, when Vestby is
 * open): closing the last passport desk of Hovedbiblioteket moves the two citizens waiting to
 * Vestby's loan queue, and their phone pages say where they went and follow their new numbers.
 */
class DeskMoveBranchIT {
  @Test
  void closingTheLastDeskMovesThoseWaitingToAnotherBranchAndTheirPhonesFollow() throws Exception {
    ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Europe/Copenhagen"));
    ZonedDateTime noon = now.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY)).withHour(12).withMinute(0);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(now, noon));
    QueueNode node = DeskLeaveIT.startNode(Files.createTempDirectory("queue-move-branch"), Ports.free(),
        o -> o.withClock(clock));
    String base = DemoNode.base(node);
    try (Browser desk = new Browser(1280, 900); Browser phone = Browser.phone(390, 800)) {
      Http http = new Http(base);
      String jens = http.login("jens", "1234");
      assertThat(http.post("/api/branches/filial-vest/desks/skranke-1/open", "{\"services\":[\"laan\"]}", jens).status())
          .isEqualTo(200);
      DeskLeaveIT.openDesk(desk, base, "skranke-1");
      String ticket = "/api/branches/hovedbiblioteket/tickets";
      String first = http.post(ticket, "{\"service\":\"pas\"}").body().get("id").asText();
      String second = http.post(ticket, "{\"service\":\"pas\"}").body().get("id").asText();
      phone.driver.get(base + "/t/" + first);
      phone.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("position")));

      DeskLeaveIT.asked(desk, "close");
      desk.await(10).until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#leave-service option[value='filial-vest/laan']")));
      assertThat(desk.driver.findElement(By.cssSelector("#leave-service option[value='filial-vest/laan']")).getText())
          .isEqualTo("Vestby Bibliotek: Hjælp til lån (0 venter)");
      new Select(desk.driver.findElement(By.id("leave-service"))).selectByValue("filial-vest/laan");
      desk.driver.findElement(By.id("leave-move")).click();
      desk.driver.findElement(By.id("leave-confirm")).click();
      desk.await(10).until(ExpectedConditions.textToBe(By.id("desk-state"), "Lukket"));

      String firstNew = Moves.newId("filial-vest", first);
      phone.await(15).until(ExpectedConditions.urlToBe(base + "/t/" + firstNew));
      assertThat(phone.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("moved-to"))).getText())
          .isEqualTo("Du er flyttet til Vestby Bibliotek: Hjælp til lån, nr. L001");
      assertThat(phone.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-number"))).getText())
          .isEqualTo("L001");
      assertThat(phone.driver.findElement(By.id("position")).getText()).isEqualTo("Du er nr. 1 i køen");

      phone.driver.get(base + "/t/" + second);
      phone.await(15).until(ExpectedConditions.urlToBe(base + "/t/" + Moves.newId("filial-vest", second)));
      assertThat(phone.await(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("moved-to"))).getText())
          .isEqualTo("Du er flyttet til Vestby Bibliotek: Hjælp til lån, nr. L002");
      assertThat(http.get("/api/tickets/" + Moves.newId("filial-vest", second)).body().get("position").asInt()).isEqualTo(2);
      // The phone's next change comes live: Vestby calls the first moved citizen, the second moves up.
      assertThat(http.post("/api/branches/filial-vest/desks/skranke-1/call-next", "{}", jens).status()).isEqualTo(200);
      phone.await(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("position"), "Du er nr. 1 i køen"));
    } finally {
      DemoNode.stop(node);
    }
  }
}
