package dk.queue.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dk.queue.core.domain.Channel;
import dk.queue.core.domain.Event;
import org.junit.jupiter.api.Test;

/** The wait told at issue travels in TicketIssued; events written before it existed still decode. */
class TicketIssuedJsonTest {
  @Test
  void theEstimateAtIssueRoundTripsAndOldEventsDecodeWithout() {
    Event told = new Event.TicketIssued("t1", "pas", "P001", Channel.KIOSK, "da", 420L);
    String json = JsonMapping.encode(told);
    assertThat(json).contains("\"estimatedWaitSeconds\":420");
    assertThat(JsonMapping.decode(json, Event.class)).isEqualTo(told);
    Event old = JsonMapping.decode(
        "{\"type\":\"TicketIssued\",\"ticket\":\"t1\",\"service\":\"pas\",\"number\":\"P001\",\"channel\":\"kiosk\",\"language\":\"da\"}",
        Event.class);
    assertThat(old).isEqualTo(new Event.TicketIssued("t1", "pas", "P001", Channel.KIOSK, "da"));
    assertThat(((Event.TicketIssued) old).estimatedWaitSeconds()).isNull();
  }
}
