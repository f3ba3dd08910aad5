package dk.queue.core.sim;

/**
 * One arrival after the simulation, times in seconds from the start.
 *
 * @param ticket   the arrival's row (1 = the first)
 * @param issued   false when the branch refused the ticket (service closed, no desk serving it)
 * @param estimate what the citizen was told at issue (our estimate), or NaN
 * @param called   when a desk called the ticket, or NaN when none did
 * @param ql       the queue-length predictor: (position − idle desks) · mean / desks serving, the
 *                 mean being the model's when known (see {@link Simulator#run})
 * @param hol      the head of the line's wait so far (the last one called's wait when nobody waits)
 * @param les      the wait of the service's last ticket to be called
 */
public record Outcome(int ticket, String service, boolean issued, double at, double estimate, double called,
                     String desk, double ql, double hol, double les) {

  /** Waited at all: was not called at the moment of issue (the tickets the predictors are judged on). */
  public boolean delayed() {
    return issued && !Double.isNaN(called) && called > at;
  }

  public double waited() {
    return called - at;
  }
}
