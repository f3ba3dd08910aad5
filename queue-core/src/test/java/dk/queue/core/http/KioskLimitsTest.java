package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class KioskLimitsTest {
  final KioskLimits limits = new KioskLimits();
  final Instant t0 = Instant.parse("2026-11-25T09:00:00Z");

  @Test
  void aKioskGetsItsTicketsPerMinuteAndThenIsToldHowLongToWait() {
    assertThat(limits.take("k", 2, t0)).isZero();
    assertThat(limits.take("k", 2, t0.plusSeconds(10))).isZero();
    assertThat(limits.take("k", 2, t0.plusSeconds(20))).isEqualTo(41);
    assertThat(limits.take("other", 2, t0.plusSeconds(20))).as("each kiosk counts alone").isZero();
  }

  @Test
  void theWindowSlides() {
    limits.take("k", 2, t0);
    limits.take("k", 2, t0.plusSeconds(30));
    assertThat(limits.take("k", 2, t0.plusSeconds(59))).isPositive();
    assertThat(limits.take("k", 2, t0.plusSeconds(60))).isZero();
    assertThat(limits.take("k", 2, t0.plusSeconds(61))).isPositive();
  }

  @Test
  void aRefusedRequestDoesNotCountAndARefusedTicketIsGivenBack() {
    limits.take("k", 1, t0);
    assertThat(limits.take("k", 1, t0.plusSeconds(1))).isPositive();
    limits.giveBack("k", t0);
    assertThat(limits.take("k", 1, t0.plusSeconds(2))).isZero();
  }
}
