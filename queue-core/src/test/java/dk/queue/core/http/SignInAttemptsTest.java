package dk.queue.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The schedule of delays between sign-in attempts from one address. */
class SignInAttemptsTest {
  /** How many attempts the schedule lets through in {@code time}, guessing as fast as allowed. */
  static int attemptsWithin(Duration time, int free) {
    long left = time.toMillis();
    int n = 0;
    while (true) {
      long delay = SignInAttempts.delayMillis(n, free);
      if (delay > left) {
        return n;
      }
      left -= delay;
      n++;
    }
  }

  @Test
  void theFirstAttemptsAreFreeThenEachWaitsTwiceAsLongUpToTheCap() {
    int free = SignInAttempts.FREE_PER_USER;
    for (int n = 0; n < free; n++) {
      assertThat(SignInAttempts.delayMillis(n, free)).isZero();
    }
    assertThat(SignInAttempts.delayMillis(free, free)).isEqualTo(1000);
    assertThat(SignInAttempts.delayMillis(free + 1, free)).isEqualTo(2000);
    assertThat(SignInAttempts.delayMillis(free + 5, free)).isEqualTo(32_000);
    assertThat(SignInAttempts.delayMillis(free + 40, free)).isEqualTo(SignInAttempts.MAX_DELAY.toMillis());
  }

  @Test
  void aFourDigitPinCannotBeGuessedInAWorkingDayFromOneAddress() {
    int perDay = attemptsWithin(Duration.ofHours(8), SignInAttempts.FREE_PER_USER);
    // 10,000 PINs: the chance of hitting one in a day stays under one in a hundred.
    assertThat(perDay).isLessThan(100);
    assertThat(perDay * 100.0 / 10_000).isLessThan(1.0);
  }
}
