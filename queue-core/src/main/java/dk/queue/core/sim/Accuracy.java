package dk.queue.core.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * How well the estimates foretold the waits, per service: over the tickets that had to wait (not
 * called the moment they were issued), RASE = sqrt(mean squared error) / mean wait and bias =
 * mean error / mean wait, for our estimate and for QL, HOL and LES on the same path.
 *
 * @param tickets  tickets issued
 * @param called   of them, called
 * @param meanWait mean wait of the called ones, seconds
 * @param delayed  tickets that had to wait (the ones judged)
 */
public record Accuracy(String service, int tickets, int called, double meanWait, int delayed, Score ours, Score ql,
                       Score hol, Score les) {

  /** RASE and bias (both relative to the mean wait of the delayed tickets). */
  public record Score(double rase, double bias) {}

  /** Per service in order of first arrival, then {@code all} when there are several. */
  public static List<Accuracy> of(List<Outcome> outcomes) {
    Map<String, List<Outcome>> byService = new LinkedHashMap<>();
    outcomes.forEach(o -> byService.computeIfAbsent(o.service(), k -> new ArrayList<>()).add(o));
    List<Accuracy> rows = new ArrayList<>();
    byService.forEach((service, list) -> rows.add(of(service, list)));
    if (byService.size() > 1) {
      rows.add(of("all", outcomes));
    }
    return rows;
  }

  public static Accuracy of(String service, List<Outcome> outcomes) {
    int tickets = 0;
    int called = 0;
    double waits = 0;
    List<Outcome> delayed = new ArrayList<>();
    for (Outcome o : outcomes) {
      tickets += o.issued() ? 1 : 0;
      if (o.issued() && !Double.isNaN(o.called())) {
        called++;
        waits += o.waited();
      }
      if (o.delayed()) {
        delayed.add(o);
      }
    }
    return new Accuracy(service, tickets, called, called == 0 ? Double.NaN : waits / called, delayed.size(),
        score(delayed, Outcome::estimate), score(delayed, Outcome::ql), score(delayed, Outcome::hol),
        score(delayed, Outcome::les));
  }

  /** RASE and bias of a predictor over outcomes (those it gave no figure for count as 0). */
  public static Score score(List<Outcome> delayed, ToDoubleFunction<Outcome> predictor) {
    double squared = 0;
    double error = 0;
    double waited = 0;
    for (Outcome o : delayed) {
      double p = predictor.applyAsDouble(o);
      double e = (Double.isNaN(p) ? 0 : p) - o.waited();
      squared += e * e;
      error += e;
      waited += o.waited();
    }
    int n = delayed.size();
    if (n == 0 || waited == 0) {
      return new Score(Double.NaN, Double.NaN);
    }
    double mean = waited / n;
    return new Score(Math.sqrt(squared / n) / mean, error / n / mean);
  }
}
