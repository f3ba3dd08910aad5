package dk.queue.core.domain;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;
import org.pcollections.PVector;
import org.pcollections.TreePVector;

/**
 * Persistent (structure-sharing) collections for the branch state: a change costs about log n and
 * leaves the value before it intact. A collection that is persistent already is taken as it is.
 */
final class Persistent {
  private Persistent() {}

  static <K, V> PMap<K, V> map(Map<K, V> m) {
    return m instanceof PMap<K, V> p ? p : HashTreePMap.from(m);
  }

  static <E> PVector<E> list(List<E> l) {
    return l instanceof PVector<E> p ? p : TreePVector.from(l);
  }

  /** A map of lists, each list persistent too. */
  static PMap<String, List<String>> queues(Map<String, List<String>> queues) {
    PMap<String, List<String>> result = map(queues);
    for (Map.Entry<String, List<String>> e : queues.entrySet()) {
      if (!(e.getValue() instanceof PVector)) {
        result = result.plus(e.getKey(), list(e.getValue()));
      }
    }
    return result;
  }

  /**
   * The list without its leading elements that match: costs the number dropped (times log n), not
   * the length of the list.
   */
  static <E> PVector<E> dropWhile(List<E> l, Predicate<E> drop) {
    PVector<E> result = list(l);
    while (!result.isEmpty() && drop.test(result.get(0))) {
      result = result.minus(0);
    }
    return result;
  }
}
